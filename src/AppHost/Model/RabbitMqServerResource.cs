namespace CrmPlatform.AppHost.Model;

/// <summary>A private RabbitMQ node; a reference passes its <c>amqp://</c> URI.</summary>
public sealed class RabbitMqServerResource(string name) : Resource(name), IResourceWithConnectionString
{
    public override string Kind => "rabbitmq";
}
