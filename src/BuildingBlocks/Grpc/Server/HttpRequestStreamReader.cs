using Google.Protobuf;

namespace CrmPlatform.Grpc;

/// <summary>The request stream of a client-streaming or duplex call.</summary>
internal sealed class HttpRequestStreamReader<T>(HttpServerCallContext call, MessageParser<T> parser) : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private T? _current;
    private int _reading;

    public T Current => _current ?? throw new InvalidOperationException("No current message; call MoveNext first.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _reading, 1) != 0)
        {
            throw new InvalidOperationException("Can't read the next message because the previous read is still in progress.");
        }

        try
        {
            using var linked = CallTokens.Combine(call.CancellationToken, cancellationToken, out var token);
            _current = await ServerMessageReader.ReadMessageAsync(call, parser, token).ConfigureAwait(false);
            return _current is not null;
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }
}
