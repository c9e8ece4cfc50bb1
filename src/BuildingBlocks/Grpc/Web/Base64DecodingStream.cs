using System.Buffers;
using System.Buffers.Text;

namespace CrmPlatform.Grpc;

/// <summary>
/// Reads base64 text from the inner stream and returns the decoded bytes; padded segments may be concatenated.
/// Reads of the inner (Kestrel) stream are never cancelled: a cancelled HTTP/1.1 body read leaves Kestrel unable
/// to drain the request. gRPC-Web request bodies are complete requests, so every read finishes.
/// </summary>
internal sealed class Base64DecodingStream(Stream inner) : Stream
{
    private const int ChunkSize = 16 * 1024;
    private readonly byte[] _encoded = new byte[ChunkSize + 4];
    private readonly byte[] _decoded = new byte[(ChunkSize + 4) / 4 * 3];
    private int _encodedCount;
    private int _decodedOffset;
    private int _decodedCount;
    private bool _innerDone;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_decodedCount == 0)
        {
            if (_innerDone)
            {
                return 0;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var read = await inner.ReadAsync(_encoded.AsMemory(_encodedCount, ChunkSize), CancellationToken.None).ConfigureAwait(false);
            if (read == 0)
            {
                _innerDone = true;
                continue;
            }

            _encodedCount += read;
            DecodeAvailable();
        }

        var count = Math.Min(buffer.Length, _decodedCount);
        _decoded.AsSpan(_decodedOffset, count).CopyTo(buffer.Span);
        _decodedOffset += count;
        _decodedCount -= count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void DecodeAvailable()
    {
        var whole = _encodedCount - (_encodedCount % 4);
        var source = _encoded.AsSpan(0, whole);
        var written = 0;
        while (!source.IsEmpty)
        {
            var segmentEnd = FindPaddedQuadEnd(source);
            var status = Base64.DecodeFromUtf8(source[..segmentEnd], _decoded.AsSpan(written), out var consumed, out var decoded, isFinalBlock: true);
            if (status != OperationStatus.Done || consumed != segmentEnd)
            {
                throw new InvalidDataException("The gRPC-Web-text request body is not valid base64.");
            }

            written += decoded;
            source = source[segmentEnd..];
        }

        _encoded.AsSpan(whole, _encodedCount - whole).CopyTo(_encoded);
        _encodedCount -= whole;
        _decodedOffset = 0;
        _decodedCount = written;
    }

    private static int FindPaddedQuadEnd(ReadOnlySpan<byte> source)
    {
        var padding = source.IndexOf((byte)'=');
        return padding < 0 ? source.Length : Math.Min(source.Length, padding - (padding % 4) + 4);
    }
}
