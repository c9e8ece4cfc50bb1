namespace CrmPlatform.Grpc;

/// <summary>Writes response messages of a server-streaming or duplex call.</summary>
public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>
{
}
