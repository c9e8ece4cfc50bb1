using System.Net;

namespace CrmPlatform.Grpc;

/// <summary>The request body of a call with a single request: one framed message of known length.</summary>
internal sealed class FramedMessageContent(byte[] framed) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(framed).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(framed, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = framed.Length;
        return true;
    }
}
