namespace CrmPlatform.Grpc;

/// <summary>Set by <see cref="GrpcWebMiddleware"/> on gRPC-Web requests: the call handlers then frame the status in the body.</summary>
internal sealed class GrpcWebFeature(bool isText)
{
    public bool IsText { get; } = isText;
}
