namespace CrmPlatform.GrpcBench;

/// <summary>A temporary file holding one framed echo request, for h2load's <c>-d</c>.</summary>
internal sealed class RequestFile : IDisposable
{
    private RequestFile(string path, byte[] frame)
    {
        Path = path;
        Frame = frame;
    }

    public string Path { get; }

    public byte[] Frame { get; }

    public static async Task<RequestFile> CreateAsync(int payloadBytes)
    {
        var frame = EchoFrames.Create(payloadBytes);
        var path = System.IO.Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, frame);
        return new RequestFile(path, frame);
    }

    public void Dispose() => File.Delete(Path);
}
