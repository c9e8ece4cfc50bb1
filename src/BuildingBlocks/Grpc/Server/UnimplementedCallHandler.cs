using Microsoft.AspNetCore.Http;

namespace CrmPlatform.Grpc;

/// <summary>Answers gRPC requests for services or methods this server doesn't have with UNIMPLEMENTED.</summary>
internal sealed class UnimplementedCallHandler(GrpcServerRuntime runtime)
{
    public async Task HandleCallAsync(HttpContext httpContext)
    {
        if (!RequestValidation.TryGetMode(httpContext, out var mode, out var rejectStatus))
        {
            await RequestValidation.RejectAsync(httpContext, rejectStatus, runtime).ConfigureAwait(false);
            return;
        }

        var service = httpContext.Request.RouteValues["unimplementedService"] as string ?? string.Empty;
        var method = httpContext.Request.RouteValues["unimplementedMethod"] as string ?? string.Empty;
        var detail = runtime.Registry.Contains(service) ? $"Method '{method}' of service '{service}' is unimplemented." : $"Service '{service}' is unimplemented.";
        var call = new HttpServerCallContext(httpContext, new UnimplementedMethod(service, method), runtime, mode);
        await call.EndCallAsync(new Status(StatusCode.Unimplemented, detail)).ConfigureAwait(false);
    }

    private sealed record UnimplementedMethod(string ServiceName, string Name) : IMethod
    {
        public MethodType Type => MethodType.Unary;

        public string FullName => "/" + ServiceName + "/" + Name;
    }
}
