namespace CrmPlatform.Grpc;

/// <summary>Writes request messages of a client-streaming or duplex call.</summary>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Signals that no more requests will be written (half-close).</summary>
    Task CompleteAsync();
}
