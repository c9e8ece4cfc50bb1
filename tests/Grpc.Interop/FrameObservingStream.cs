namespace CrmPlatform.Grpc.Interop;

/// <summary>A read-only pass-through stream that parses gRPC frame headers (flag byte + 4-byte length) on the way.</summary>
internal sealed class FrameObservingStream(Stream inner, List<bool> compressedFlags) : Stream
{
    private const int HeaderLength = 5;
    private int _headerPosition;
    private uint _frameLength;
    private long _bodyRemaining;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Observe(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Observe(buffer.Span[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Observe(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_bodyRemaining > 0)
            {
                var skip = (int)Math.Min(_bodyRemaining, data.Length);
                _bodyRemaining -= skip;
                data = data[skip..];
                continue;
            }

            ObserveHeaderByte(data[0]);
            data = data[1..];
        }
    }

    private void ObserveHeaderByte(byte value)
    {
        if (_headerPosition == 0)
        {
            lock (compressedFlags)
            {
                compressedFlags.Add((value & 1) != 0);
            }

            _frameLength = 0;
        }
        else
        {
            _frameLength = (_frameLength << 8) | value;
        }

        if (++_headerPosition == HeaderLength)
        {
            _headerPosition = 0;
            _bodyRemaining = _frameLength;
        }
    }
}
