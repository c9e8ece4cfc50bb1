using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmPlatform.Grpc;

/// <summary>
/// Gives a POST to a mapped gRPC method its endpoint by an exact, ordinal lookup of the path before endpoint routing
/// runs; routing then skips matching (it does when an endpoint is already set). The endpoint is the one routing
/// would pick, with all its metadata, so authorization and gRPC-Web see no difference. Any other request, including
/// a path that differs only in case, an unknown method, or a method mapped twice or restricted to hosts, goes through
/// the matcher as before. It saves the matcher's work (candidate sets, the UNIMPLEMENTED catch-all's captures and
/// constraint, the HTTP method policy) on every call.
/// </summary>
internal sealed class GrpcEndpointShortcut(RequestDelegate next, EndpointDataSource endpoints)
{
    private FrozenDictionary<string, Endpoint>? _byPath;

    public Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method)
            && context.GetEndpoint() is null
            && context.Request.Path.Value is { } path
            && (_byPath ?? Index()).TryGetValue(path, out var endpoint))
        {
            context.SetEndpoint(endpoint);
        }

        return next(context);
    }

    /// <summary>Indexes the gRPC method endpoints; a change to the endpoints (a data source reloading) drops the index.</summary>
    private FrozenDictionary<string, Endpoint> Index()
    {
        var changeToken = endpoints.GetChangeToken();
        var byPath = new Dictionary<string, Endpoint>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<IMethod>() is { } method
                && endpoint.Metadata.GetMetadata<IHostMetadata>() is null
                && !byPath.TryAdd(method.FullName, endpoint))
            {
                ambiguous.Add(method.FullName);
            }
        }

        foreach (var path in ambiguous)
        {
            byPath.Remove(path);
        }

        var index = byPath.ToFrozenDictionary(StringComparer.Ordinal);
        _byPath = index;
        changeToken.RegisterChangeCallback(static state => ((GrpcEndpointShortcut)state!)._byPath = null, this);
        return index;
    }

    /// <summary>Puts the shortcut in front of the application's pipeline, so it runs before routing.</summary>
    internal sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<GrpcEndpointShortcut>();
            next(app);
        };
    }
}
