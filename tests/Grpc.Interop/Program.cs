using CrmPlatform.Grpc.Interop;

// Interop server:  --port N                                   (serves until Ctrl-C / SIGTERM)
// Interop client:  --server_port N --test_case NAME[,NAME...] [--server_host H] [--server_compresses_responses false]
var options = CommandLine.Parse(args);
if (options.TryGetValue("port", out var port))
{
    var app = InteropServer.Create(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
    await app.RunAsync();
    return 0;
}

if (options.TryGetValue("server_port", out var serverPort) && options.TryGetValue("test_case", out var testCases))
{
    var host = options.GetValueOrDefault("server_host", "127.0.0.1");
    var serverCompresses = options.GetValueOrDefault("server_compresses_responses", "true") != "false";
    using var client = new InteropClient(new Uri($"http://{host}:{serverPort}"), serverCompresses);
    return await client.RunCasesAsync(testCases == "all" ? InteropClient.TestCases : testCases.Split(','), Console.Out);
}

Console.Error.WriteLine("usage: --port N | --server_port N --test_case NAME[,NAME...] [--server_host H] [--server_compresses_responses false]");
return 2;
