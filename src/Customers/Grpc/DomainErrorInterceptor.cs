using CrmPlatform.Customers.Domain;
using CrmPlatform.Grpc;
using Google.Protobuf;
using Npgsql;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>
/// Turns domain failures into gRPC statuses with a clear message: invalid field → INVALID_ARGUMENT, missing record →
/// NOT_FOUND, stale etag → ABORTED, denied → PERMISSION_DENIED, existing record → ALREADY_EXISTS, an erased person
/// re-created without renewed consent → FAILED_PRECONDITION, probable duplicate →
/// ALREADY_EXISTS with the scored candidates also in the <see cref="DuplicateCandidatesTrailer"/> trailer, a deadlock
/// or serialization failure between concurrent transactions (rolled back, nothing written) → ABORTED, which clients
/// retry, and any other failure that PostgreSQL or Npgsql call transient (a dropped connection, a server shutting down or
/// out of connections) → UNAVAILABLE, which clients retry with a back-off.
/// </summary>
public sealed class DomainErrorInterceptor : Interceptor
{
    public const string DuplicateCandidatesTrailer = "crm-duplicate-candidates-bin";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception error) when (ToRpcException(error) is { } rpc)
        {
            throw rpc;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception error) when (ToRpcException(error) is { } rpc)
        {
            throw rpc;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception error) when (ToRpcException(error) is { } rpc)
        {
            throw rpc;
        }
    }

    private static RpcException? ToRpcException(Exception error) => error switch
    {
        InvalidFieldException => new RpcException(new Status(StatusCode.InvalidArgument, error.Message)),
        RecordNotFoundException => new RpcException(new Status(StatusCode.NotFound, error.Message)),
        StaleEtagException => new RpcException(new Status(StatusCode.Aborted, error.Message)),
        AccessDeniedException => new RpcException(new Status(StatusCode.PermissionDenied, error.Message)),
        RecordExistsException => new RpcException(new Status(StatusCode.AlreadyExists, error.Message)),
        ErasedPersonException => new RpcException(new Status(StatusCode.FailedPrecondition, error.Message)),
        PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } =>
            new RpcException(new Status(StatusCode.Aborted,
                "The change collided with a concurrent change to the same records and was rolled back; retry it.")),
        NpgsqlException { IsTransient: true } => new RpcException(new Status(StatusCode.Unavailable,
            "The database could not be reached or dropped the connection; retry the call.")),
        ProbableDuplicateException duplicate => new RpcException(
            new Status(StatusCode.AlreadyExists, duplicate.Message),
            new Metadata { { DuplicateCandidatesTrailer, ToProto(duplicate.Candidates).ToByteArray() } }),
        _ => null,
    };

    private static Proto.DuplicateCandidates ToProto(IEnumerable<DuplicateCandidate> candidates) => new()
    {
        Candidates =
        {
            candidates.Select(c => new Proto.DuplicateCandidate
            {
                Name = c.ResourceName,
                DisplayName = c.DisplayName ?? "",
                Score = c.Match.Score,
                MatchedFields = { c.Match.MatchedFields },
            }),
        },
    };
}
