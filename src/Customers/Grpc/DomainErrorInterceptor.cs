using CrmPlatform.Customers.Domain;
using CrmPlatform.Grpc;
using Google.Protobuf;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>
/// Turns domain failures into gRPC statuses with a clear message: invalid field → INVALID_ARGUMENT, missing record →
/// NOT_FOUND, stale etag → ABORTED, denied → PERMISSION_DENIED, probable duplicate → ALREADY_EXISTS with the scored
/// candidates also in the <see cref="DuplicateCandidatesTrailer"/> trailer.
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
        catch (InvalidFieldException error)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, error.Message));
        }
        catch (RecordNotFoundException error)
        {
            throw new RpcException(new Status(StatusCode.NotFound, error.Message));
        }
        catch (StaleEtagException error)
        {
            throw new RpcException(new Status(StatusCode.Aborted, error.Message));
        }
        catch (AccessDeniedException error)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, error.Message));
        }
        catch (RecordExistsException error)
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, error.Message));
        }
        catch (ProbableDuplicateException error)
        {
            var trailers = new Metadata { { DuplicateCandidatesTrailer, ToProto(error.Candidates).ToByteArray() } };
            throw new RpcException(new Status(StatusCode.AlreadyExists, error.Message), trailers);
        }
    }

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
