using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmPlatform.Grpc;

/// <summary>Server-wide state shared by every call handler: options, compression, logging, mapped services, the application's services.</summary>
internal sealed class GrpcServerRuntime
{
    public GrpcServerRuntime(IOptions<GrpcServiceOptions> options, ILoggerFactory loggerFactory, GrpcServiceRegistry registry, IServiceProvider services)
    {
        Services = services;
        Options = options.Value;
        Compression = new CompressionProviders(Options.CompressionProviders);
        Logger = loggerFactory.CreateLogger("CrmPlatform.Grpc.Server");
        Registry = registry;
    }

    /// <summary>The application's (root) service provider.</summary>
    public IServiceProvider Services { get; }

    public GrpcServiceOptions Options { get; }

    public CompressionProviders Compression { get; }

    public ILogger Logger { get; }

    public GrpcServiceRegistry Registry { get; }

    /// <summary>The largest frame payload accepted: the configured maximum, or what fits in an int.</summary>
    public int MaxReceiveMessageSize => Options.MaxReceiveMessageSize ?? int.MaxValue - GrpcProtocol.HeaderSize;
}
