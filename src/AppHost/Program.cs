Console.WriteLine("CrmPlatform AppHost: orchestration arrives with the AppHost issue; nothing was started.");
