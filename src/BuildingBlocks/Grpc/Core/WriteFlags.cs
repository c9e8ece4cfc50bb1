namespace CrmPlatform.Grpc;

[Flags]
public enum WriteFlags
{
    /// <summary>The write may be buffered (accepted for compatibility; every write is flushed).</summary>
    BufferHint = 0x1,

    /// <summary>Send this message uncompressed even when the call compresses messages.</summary>
    NoCompress = 0x2,
}
