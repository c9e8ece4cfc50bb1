namespace CrmPlatform.ServiceDefaults.Messaging;

/// <summary>The broker address, from <c>ConnectionStrings__messaging</c> (an <c>amqp://user:password@host:port/</c> URI).</summary>
public sealed record MessagingSettings(Uri BrokerUri)
{
    public const string ConnectionName = "messaging";
}
