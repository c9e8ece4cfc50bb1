namespace CrmPlatform.Grpc.Generator.Tests.Infrastructure;

/// <summary>A .proto file of a test, with its path relative to the proto root (as used in imports).</summary>
internal sealed record ProtoSource(string RelativePath, string Text);
