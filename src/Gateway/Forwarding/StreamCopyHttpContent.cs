using System.Buffers;
using System.Net;

namespace CrmPlatform.Gateway.Forwarding;

/// <summary>
/// The outgoing request body: copies the client's request body to the destination as it arrives, flushing every
/// chunk (gRPC streams must not wait for a buffer to fill). <see cref="Started"/> tells whether any of it may have
/// been sent, which decides whether a failed call may be retried elsewhere.
/// </summary>
internal sealed class StreamCopyHttpContent(Stream source) : HttpContent
{
    private const int BufferSize = 16 * 1024;
    private readonly TaskCompletionSource<Exception?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    public bool Started => Volatile.Read(ref _started) != 0;

    /// <summary>Completes when the copy ends: null on success, else what stopped it.</summary>
    public Task<Exception?> Completion => _completion.Task;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The request body can be sent only once.");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            _completion.TrySetResult(null);
        }
        catch (Exception exception)
        {
            _completion.TrySetResult(exception);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
