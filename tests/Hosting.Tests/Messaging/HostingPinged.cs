namespace CrmPlatform.Hosting.Tests.Messaging;

public sealed record HostingPinged(Guid Id, string Text);
