namespace CrmPlatform.Grpc;

public sealed class WriteOptions
{
    public static readonly WriteOptions Default = new();

    public WriteOptions(WriteFlags flags = 0)
    {
        Flags = flags;
    }

    public WriteFlags Flags { get; }
}
