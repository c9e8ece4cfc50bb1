namespace CrmPlatform.Grpc.Tests.Infrastructure;

/// <summary>What a hand-built request got back: HTTP status, gRPC status and message (headers or trailers), and the body.</summary>
public sealed record RawResponse(int HttpStatus, StatusCode? GrpcStatus, string? GrpcMessage, byte[] Body, HttpResponseMessage Response);
