using CrmPlatform.Grpc;

namespace CrmPlatform.ServiceDefaults.Security;

/// <summary>
/// Every gRPC call but health and reflection must carry <c>authorization: Bearer &lt;jwt&gt;</c>; a missing or invalid
/// token is UNAUTHENTICATED. The validated caller is available to handlers through <see cref="CallerContext.GetCaller"/>.
/// </summary>
public sealed class CallerAuthenticationInterceptor(CallerTokens tokens) : Interceptor
{
    private static readonly string[] AnonymousServices = ["/grpc.health.v1.Health/", "/grpc.reflection.v1.", "/grpc.reflection.v1alpha."];

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private async Task AuthenticateAsync(ServerCallContext context)
    {
        if (AnonymousServices.Any(prefix => context.Method.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return;
        }

        var header = context.RequestHeaders.GetValue("authorization");
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "A bearer token is required in the authorization header."));
        }

        var (caller, error) = await tokens.ValidateAsync(header["Bearer ".Length..].Trim());
        if (caller is null)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, error!));
        }

        context.UserState[typeof(Caller)] = caller;
    }
}
