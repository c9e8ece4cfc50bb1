using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CrmPlatform.Grpc;

/// <summary>
/// The response side of a gRPC call translated to gRPC-Web for a handler that speaks plain gRPC (a forwarder):
/// collects the trailers it sets and, when the response completes, writes them as the trailer frame (flag 0x80,
/// <c>key:value\r\n</c> lines). The body goes through <paramref name="body"/> (base64 for gRPC-Web-text).
/// </summary>
internal sealed class GrpcWebResponseBodyFeature(Stream body, IHttpResponseBodyFeature prior)
    : StreamResponseBodyFeature(body, prior), IHttpResponseTrailersFeature
{
    private readonly IHttpResponseBodyFeature _prior = prior;
    private bool _trailersWritten;

    public IHeaderDictionary Trailers { get; set; } = new HeaderDictionary();

    public override async Task CompleteAsync()
    {
        if (!_trailersWritten)
        {
            _trailersWritten = true;

            // Starting the response runs the OnStarting callbacks, which may move a trailers-only status here. What the
            // handler wrote through the body writer and has not flushed yet goes before the trailer frame.
            await StartAsync().ConfigureAwait(false);
            await Writer.FlushAsync().ConfigureAwait(false);
            await WriteTrailersAsync().ConfigureAwait(false);
            await Stream.FlushAsync().ConfigureAwait(false);
        }

        await base.CompleteAsync().ConfigureAwait(false);
        await _prior.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>A trailers-only gRPC answer carries its status in the headers; gRPC-Web moves it to the trailer frame.</summary>
    public void MoveStatusToTrailers(IHeaderDictionary headers)
    {
        foreach (var name in (ReadOnlySpan<string>)[GrpcProtocol.StatusHeader, GrpcProtocol.MessageHeader])
        {
            if (headers.Remove(name, out var value))
            {
                Trailers[name] = value;
            }
        }
    }

    private async Task WriteTrailersAsync()
    {
        var text = new StringBuilder();
        foreach (var (name, values) in Trailers)
        {
            foreach (var value in (IEnumerable<string?>)values)
            {
                text.Append(name.ToLowerInvariant()).Append(':').Append(value).Append("\r\n");
            }
        }

        var length = Encoding.ASCII.GetByteCount(text.ToString());
        var frame = new byte[GrpcProtocol.HeaderSize + length];
        MessageFrame.WriteHeader(frame, GrpcProtocol.TrailersFlag, length);
        Encoding.ASCII.GetBytes(text.ToString(), frame.AsSpan(GrpcProtocol.HeaderSize));
        await Stream.WriteAsync(frame).ConfigureAwait(false);
    }
}
