namespace CrmPlatform.Grpc;

/// <summary>A call that ended with a non-OK status, carrying the status and the trailers.</summary>
public class RpcException : Exception
{
    public RpcException(Status status, Metadata? trailers = null, string? message = null)
        : base(message ?? status.ToString())
    {
        Status = status;
        Trailers = trailers ?? new Metadata();
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.StatusCode;

    public Metadata Trailers { get; }
}
