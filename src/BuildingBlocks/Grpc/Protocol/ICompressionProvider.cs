namespace CrmPlatform.Grpc;

/// <summary>A message compression algorithm, named as in <c>grpc-encoding</c>.</summary>
public interface ICompressionProvider
{
    string EncodingName { get; }

    Stream CreateCompressionStream(Stream output);

    Stream CreateDecompressionStream(Stream input);
}
