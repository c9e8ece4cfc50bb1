using System.Collections.Concurrent;
using CrmPlatform.Contracts.Events;
using MassTransit;

namespace CrmPlatform.Customers.Tests.Service;

/// <summary>A separate subscriber on the broker: records every customer event the service publishes.</summary>
public sealed class EventRecorder : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly ConcurrentQueue<object> _events = new();
    private IBusControl _bus = null!;

    public static async Task<EventRecorder> StartAsync(string brokerConnectionString)
    {
        var recorder = new EventRecorder();
        var broker = new Uri(brokerConnectionString);
        var credentials = broker.UserInfo.Split(':', 2);
        recorder._bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(broker, host =>
            {
                host.Username(Uri.UnescapeDataString(credentials[0]));
                host.Password(Uri.UnescapeDataString(credentials[1]));
            });
            rabbit.ReceiveEndpoint("customers-tests-" + Guid.NewGuid().ToString("N")[..8], endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Handler<CustomerCreated>(context => recorder.Record(context.Message));
                endpoint.Handler<CustomerUpdated>(context => recorder.Record(context.Message));
                endpoint.Handler<CustomerDeleted>(context => recorder.Record(context.Message));
                endpoint.Handler<ContactAdded>(context => recorder.Record(context.Message));
                endpoint.Handler<ContactUpdated>(context => recorder.Record(context.Message));
                endpoint.Handler<RelationshipPhaseChanged>(context => recorder.Record(context.Message));
                endpoint.Handler<ConsentChanged>(context => recorder.Record(context.Message));
                endpoint.Handler<PersonalDataErased>(context => recorder.Record(context.Message));
                endpoint.Handler<InteractionRecorded>(context => recorder.Record(context.Message));
                endpoint.Handler<ContactDeleted>(context => recorder.Record(context.Message));
                endpoint.Handler<CustomerMerged>(context => recorder.Record(context.Message));
            });
        });
        await recorder._bus.StartAsync();
        return recorder;
    }

    /// <summary>The first recorded <typeparamref name="T"/> matching <paramref name="match"/>, waiting for it up to 20 s.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_events.OfType<T>().FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No {typeof(T).Name} matching the test arrived within {Timeout.TotalSeconds} s.");
    }

    public IReadOnlyList<T> All<T>(Func<T, bool> match) => _events.OfType<T>().Where(match).ToList();

    public async ValueTask DisposeAsync() => await _bus.StopAsync();

    private Task Record(object message)
    {
        _events.Enqueue(message);
        return Task.CompletedTask;
    }
}
