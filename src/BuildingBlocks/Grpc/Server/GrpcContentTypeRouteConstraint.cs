using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmPlatform.Grpc;

/// <summary>Lets the catch-all UNIMPLEMENTED route match only gRPC requests, so other apps' routes are untouched.</summary>
internal sealed class GrpcContentTypeRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        httpContext is not null
        && HttpMethods.IsPost(httpContext.Request.Method)
        && RequestValidation.IsGrpcContentType(httpContext.Request.ContentType);
}
