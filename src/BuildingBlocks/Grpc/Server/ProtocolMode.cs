namespace CrmPlatform.Grpc;

/// <summary>How a call is framed on the wire.</summary>
internal enum ProtocolMode
{
    /// <summary>gRPC over HTTP/2: status in HTTP trailers.</summary>
    Grpc,

    /// <summary>gRPC-Web binary: status in a final body frame flagged 0x80.</summary>
    GrpcWeb,

    /// <summary>gRPC-Web text: as <see cref="GrpcWeb"/>, base64 on the wire.</summary>
    GrpcWebText,
}
