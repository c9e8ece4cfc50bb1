using System.IO.Compression;

namespace CrmPlatform.Grpc;

public sealed class GzipCompressionProvider : ICompressionProvider
{
    private readonly CompressionLevel _level;

    public GzipCompressionProvider(CompressionLevel level = CompressionLevel.Fastest)
    {
        _level = level;
    }

    public string EncodingName => "gzip";

    public Stream CreateCompressionStream(Stream output) => new GZipStream(output, _level, leaveOpen: true);

    public Stream CreateDecompressionStream(Stream input) => new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
}
