using System.Collections.Concurrent;

namespace CrmPlatform.Grpc;

/// <summary>One shared channel per address for clients registered with <c>AddGrpcClient</c>; disposed with the container.</summary>
internal sealed class GrpcChannelCache : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<GrpcChannel>> _channels = new(StringComparer.OrdinalIgnoreCase);

    public GrpcChannel GetOrCreate(string address, Action<GrpcChannelOptions>? configure) =>
        _channels.GetOrAdd(address, static (key, configure) => new Lazy<GrpcChannel>(() =>
        {
            var options = new GrpcChannelOptions();
            configure?.Invoke(options);
            return GrpcChannel.ForAddress(key, options);
        }), configure).Value;

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            if (channel.IsValueCreated)
            {
                channel.Value.Dispose();
            }
        }
    }
}
