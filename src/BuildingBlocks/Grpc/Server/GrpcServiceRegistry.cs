using Google.Protobuf.Reflection;

namespace CrmPlatform.Grpc;

/// <summary>The services mapped on this server, with their protobuf descriptors when known (for reflection).</summary>
public sealed class GrpcServiceRegistry
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, ServiceDescriptor?> _services = new(StringComparer.Ordinal);

    /// <summary>Fully-qualified names of every mapped service.</summary>
    public IReadOnlyList<string> ServiceNames
    {
        get
        {
            lock (_sync)
            {
                return [.. _services.Keys];
            }
        }
    }

    /// <summary>Descriptors of the mapped services that have one.</summary>
    public IReadOnlyList<ServiceDescriptor> Descriptors
    {
        get
        {
            lock (_sync)
            {
                var descriptors = new List<ServiceDescriptor>(_services.Count);
                foreach (var descriptor in _services.Values)
                {
                    if (descriptor is not null)
                    {
                        descriptors.Add(descriptor);
                    }
                }

                return descriptors;
            }
        }
    }

    public bool Contains(string serviceName)
    {
        lock (_sync)
        {
            return _services.ContainsKey(serviceName);
        }
    }

    /// <summary>Records a service; a descriptor given later replaces a missing one.</summary>
    public void Add(string serviceName, ServiceDescriptor? descriptor)
    {
        lock (_sync)
        {
            if (!_services.TryGetValue(serviceName, out var existing) || existing is null)
            {
                _services[serviceName] = descriptor;
            }
        }
    }
}
