namespace CrmPlatform.AppHost.Model;

/// <summary>A Kestrel endpoint of a project on 127.0.0.1.</summary>
/// <param name="Name">"http" (HTTP/1.1, health) or "grpc" (HTTP/2 only, h2c).</param>
/// <param name="Port">The preferred port; null or taken: a free one.</param>
/// <param name="Http2Only">True for cleartext gRPC (prior-knowledge HTTP/2).</param>
public sealed record EndpointDefinition(string Name, int? Port, bool Http2Only);
