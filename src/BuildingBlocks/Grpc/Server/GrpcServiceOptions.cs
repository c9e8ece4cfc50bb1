namespace CrmPlatform.Grpc;

/// <summary>Server options, set through <c>services.AddGrpc(options =&gt; …)</c>.</summary>
public sealed class GrpcServiceOptions
{
    /// <summary>Largest request message accepted (after decompression); null = unlimited. Default 4 MB.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>Largest response message sent (before compression); null = unlimited. Default 4 MB.</summary>
    public int? MaxSendMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>Send exception messages to clients in the status detail of UNKNOWN errors.</summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>Compress responses with this encoding (e.g. "gzip") when the client accepts it.</summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    /// <summary>Encodings the server can read and write; gzip by default.</summary>
    public IList<ICompressionProvider> CompressionProviders { get; } = new List<ICompressionProvider> { new GzipCompressionProvider() };

    /// <summary>Interceptors run around every method, first added outermost.</summary>
    public InterceptorCollection Interceptors { get; } = new();
}
