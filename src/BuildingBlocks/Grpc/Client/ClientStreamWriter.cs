using Google.Protobuf;

namespace CrmPlatform.Grpc;

/// <summary>The request stream of a client-streaming or duplex call; every write is flushed.</summary>
internal sealed class ClientStreamWriter<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call, PushStreamContent content) : IClientStreamWriter<TRequest>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private int _writing;
    private bool _completed;

    public WriteOptions? WriteOptions { get; set; } = call.WriteOptions;

    public Task WriteAsync(TRequest message) => WriteAsync(message, CancellationToken.None);

    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_completed)
        {
            throw new InvalidOperationException("Can't write the message because the request stream is complete.");
        }

        if (Interlocked.Exchange(ref _writing, 1) != 0)
        {
            throw new InvalidOperationException("Can't write the message because the previous write is in progress.");
        }

        try
        {
            var framed = call.SerializeMessage(message, WriteOptions);
            using var linked = CallTokens.Combine(call.CallToken, cancellationToken, out var token);
            var stream = await content.StreamTask.WaitAsync(token).ConfigureAwait(false);
            await stream.WriteAsync(framed, token).ConfigureAwait(false);
            await stream.FlushAsync(token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw call.Fail(exception);
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }

    public Task CompleteAsync()
    {
        _completed = true;
        content.Complete();
        return Task.CompletedTask;
    }
}
