using System.Buffers;

namespace CrmPlatform.Grpc;

/// <summary>The configured compression providers, looked up by encoding name.</summary>
internal sealed class CompressionProviders
{
    private readonly ICompressionProvider[] _providers;

    public CompressionProviders(IEnumerable<ICompressionProvider> providers)
    {
        _providers = [.. providers];
        var names = new List<string>(_providers.Length + 1) { GrpcProtocol.IdentityEncoding };
        foreach (var provider in _providers)
        {
            names.Add(provider.EncodingName);
        }

        AcceptEncoding = string.Join(',', names);
    }

    /// <summary>The value of <c>grpc-accept-encoding</c>: identity plus every provider.</summary>
    public string AcceptEncoding { get; }

    public ICompressionProvider? Find(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        foreach (var provider in _providers)
        {
            if (string.Equals(provider.EncodingName, name, StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }

        return null;
    }

    /// <summary>Compresses a serialized message into a new buffer.</summary>
    public static byte[] Compress(ICompressionProvider provider, ReadOnlySpan<byte> payload)
    {
        using var output = new MemoryStream();
        using (var compressor = provider.CreateCompressionStream(output))
        {
            compressor.Write(payload);
        }

        return output.ToArray();
    }

    /// <summary>Decompresses a message; null when it would exceed <paramref name="maxSize"/>.</summary>
    public static byte[]? Decompress(ICompressionProvider provider, ReadOnlySequence<byte> payload, int? maxSize)
    {
        using var input = new MemoryStream(payload.ToArray(), writable: false);
        using var decompressor = provider.CreateDecompressionStream(input);
        using var output = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = decompressor.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (maxSize is int max && output.Length + read > max)
                {
                    return null;
                }

                output.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return output.ToArray();
    }
}
