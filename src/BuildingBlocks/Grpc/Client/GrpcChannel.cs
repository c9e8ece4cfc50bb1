using System.Collections.Concurrent;

namespace CrmPlatform.Grpc;

/// <summary>
/// A channel to one address over one shared <see cref="SocketsHttpHandler"/>: HTTP/2 with prior knowledge (h2c)
/// for <c>http://</c>, TLS with ALPN for <c>https://</c>, several HTTP/2 connections when streams run out.
/// </summary>
public sealed class GrpcChannel : ChannelBase, IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly CallInvoker _callInvoker;
    private readonly ConcurrentDictionary<IMethod, Uri> _methodUris = new();
    private readonly string _basePath;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
        : base(address.Authority)
    {
        Address = address;
        Options = options;
        Compression = new CompressionProviders(options.CompressionProviders);
        var handler = options.HttpHandler ?? CreateDefaultHandler();
        _invoker = new HttpMessageInvoker(handler, disposeHandler: options.HttpHandler is null || options.DisposeHttpHandler);
        _basePath = address.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _callInvoker = new GrpcChannelCallInvoker(this);
    }

    public Uri Address { get; }

    internal GrpcChannelOptions Options { get; }

    internal CompressionProviders Compression { get; }

    internal HttpMessageInvoker HttpInvoker => _invoker;

    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) =>
        ForAddress(new Uri(address ?? throw new ArgumentNullException(nameof(address)), UriKind.Absolute), options);

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Address '{address}' must be http:// or https://.", nameof(address));
        }

        return new GrpcChannel(address, options ?? new GrpcChannelOptions());
    }

    public override CallInvoker CreateCallInvoker() => _callInvoker;

    public override Task ShutdownAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _invoker.Dispose();

    internal Uri GetMethodUri(IMethod method) =>
        _methodUris.GetOrAdd(method, static (m, basePath) => new Uri(basePath + m.FullName, UriKind.Absolute), _basePath);

    private static SocketsHttpHandler CreateDefaultHandler() => new()
    {
        EnableMultipleHttp2Connections = true,
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
    };
}
