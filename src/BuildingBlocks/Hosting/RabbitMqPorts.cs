namespace CrmPlatform.Hosting;

/// <summary>The three ports a private RabbitMQ node binds on 127.0.0.1.</summary>
internal readonly record struct RabbitMqPorts(int Amqp, int Distribution, int Epmd);
