namespace CrmPlatform.Grpc;

public sealed class GrpcChannelOptions
{
    /// <summary>Largest response message accepted (after decompression); null = unlimited. Default 4 MB.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>Largest request message sent (before compression); null (the default) = unlimited.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Encodings the client can use; gzip by default. Pick one per call with the <c>grpc-internal-encoding-request</c> header.</summary>
    public IList<ICompressionProvider> CompressionProviders { get; } = new List<ICompressionProvider> { new GzipCompressionProvider() };

    /// <summary>The handler that sends requests; by default one shared <see cref="System.Net.Http.SocketsHttpHandler"/> per channel.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Whether disposing the channel disposes <see cref="HttpHandler"/> (the default handler is always disposed).</summary>
    public bool DisposeHttpHandler { get; set; }
}
