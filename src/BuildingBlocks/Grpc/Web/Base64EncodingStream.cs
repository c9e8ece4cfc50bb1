using System.Buffers.Text;

namespace CrmPlatform.Grpc;

/// <summary>Writes base64 text of the bytes written to it; a flush pads and emits any partial group.</summary>
internal sealed class Base64EncodingStream(Stream inner) : Stream
{
    private const int ChunkSize = 12 * 1024;
    private readonly byte[] _pending = new byte[2];
    private readonly byte[] _encoded = new byte[(ChunkSize + 3) / 3 * 4];
    private int _pendingCount;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            var length = EncodeChunk(ref buffer);
            if (length > 0)
            {
                await inner.WriteAsync(_encoded.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pendingCount > 0)
        {
            Base64.EncodeToUtf8(_pending.AsSpan(0, _pendingCount), _encoded, out _, out var written);
            _pendingCount = 0;
            await inner.WriteAsync(_encoded.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
        }

        await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Encodes whole 3-byte groups (pending bytes first) of at most one chunk; keeps the rest pending.</summary>
    private int EncodeChunk(ref ReadOnlyMemory<byte> buffer)
    {
        Span<byte> group = stackalloc byte[3];
        var written = 0;
        if (_pendingCount > 0)
        {
            var needed = Math.Min(3 - _pendingCount, buffer.Length);
            if (_pendingCount + needed < 3)
            {
                buffer.Span[..needed].CopyTo(_pending.AsSpan(_pendingCount));
                _pendingCount += needed;
                buffer = buffer[needed..];
                return 0;
            }

            _pending.AsSpan(0, _pendingCount).CopyTo(group);
            buffer.Span[..needed].CopyTo(group[_pendingCount..]);
            Base64.EncodeToUtf8(group, _encoded, out _, out written);
            _pendingCount = 0;
            buffer = buffer[needed..];
        }

        var take = Math.Min(buffer.Length, ChunkSize - 3);
        take -= take % 3;
        Base64.EncodeToUtf8(buffer.Span[..take], _encoded.AsSpan(written), out _, out var encoded);
        written += encoded;
        buffer = buffer[take..];
        if (buffer.Length is > 0 and < 3)
        {
            buffer.Span.CopyTo(_pending);
            _pendingCount = buffer.Length;
            buffer = ReadOnlyMemory<byte>.Empty;
        }

        return written;
    }
}
