using System.Net;

namespace CrmPlatform.Grpc.Interop;

/// <summary>
/// Records the compressed flag of every gRPC message frame of the last response, as the bytes pass on
/// to the client runtime, which does not expose the flag; the server_compressed_* cases assert on it.
/// </summary>
public sealed class ResponseFrameRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private volatile List<bool> _lastResponseFlags = [];

    /// <summary>The compressed flags of the frames read so far from the most recent response.</summary>
    public IReadOnlyList<bool> LastResponseCompressedFlags
    {
        get
        {
            var flags = _lastResponseFlags;
            lock (flags)
            {
                return [.. flags];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var flags = new List<bool>();
        _lastResponseFlags = flags;
        response.Content = new FrameObservingContent(response.Content, flags);
        return response;
    }

    private sealed class FrameObservingContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly List<bool> _flags;

        public FrameObservingContent(HttpContent inner, List<bool> flags)
        {
            _inner = inner;
            _flags = flags;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new FrameObservingStream(await _inner.ReadAsStreamAsync(cancellationToken), _flags);

        protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await using var source = await CreateContentReadStreamAsync();
            await source.CopyToAsync(stream);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
