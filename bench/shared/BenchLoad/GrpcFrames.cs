using System.Buffers.Binary;
using Google.Protobuf;

namespace CrmPlatform.Bench;

/// <summary>gRPC length-prefixed messages for h2load's request body (<c>-d</c> file).</summary>
public static class GrpcFrames
{
    /// <summary>An uncompressed frame: flag byte 0, big-endian length, the serialized message.</summary>
    public static byte[] Frame(IMessage message)
    {
        var bytes = message.ToByteArray();
        var frame = new byte[5 + bytes.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)bytes.Length);
        bytes.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>Writes the frame of <paramref name="message"/> to a temporary file, deleted when disposed.</summary>
    public static async Task<TemporaryFile> WriteAsync(IMessage message)
    {
        var file = new TemporaryFile(Path.GetTempFileName());
        await File.WriteAllBytesAsync(file.Path, Frame(message));
        return file;
    }
}

/// <summary>A temporary file deleted on dispose.</summary>
public sealed record TemporaryFile(string Path) : IDisposable
{
    public void Dispose() => File.Delete(Path);
}
