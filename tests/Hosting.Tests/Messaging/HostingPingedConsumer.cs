using MassTransit;

namespace CrmPlatform.Hosting.Tests.Messaging;

public sealed class HostingPingedConsumer(TaskCompletionSource<HostingPinged> received) : IConsumer<HostingPinged>
{
    public Task Consume(ConsumeContext<HostingPinged> context)
    {
        received.TrySetResult(context.Message);
        return Task.CompletedTask;
    }
}
