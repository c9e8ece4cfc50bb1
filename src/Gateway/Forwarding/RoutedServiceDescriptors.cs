using System.Reflection;
using CrmPlatform.Grpc;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace CrmPlatform.Gateway.Forwarding;

/// <summary>
/// Registers, for server reflection, every protobuf service of the contracts whose methods a route forwards, so
/// grpcurl pointed at the gateway lists the services behind it next to the gateway's own.
/// </summary>
internal static class RoutedServiceDescriptors
{
    public static void Register(GrpcServiceRegistry registry, IEnumerable<RouteConfig> routes, Assembly contracts)
    {
        var matchers = routes.Select(route => new TemplateMatcher(TemplateParser.Parse(route.Match.Path), [])).ToArray();
        foreach (var service in ServicesIn(contracts))
        {
            var methodPath = $"/{service.FullName}/{service.Methods[0].Name}";
            if (matchers.Any(matcher => matcher.TryMatch(methodPath, [])))
            {
                registry.Add(service.FullName, service);
            }
        }
    }

    /// <summary>The services of every file descriptor protoc generated into the assembly (its <c>XxxReflection.Descriptor</c> properties).</summary>
    private static IEnumerable<ServiceDescriptor> ServicesIn(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(property => property?.PropertyType == typeof(FileDescriptor))
            .Select(property => (FileDescriptor)property!.GetValue(null)!)
            .SelectMany(file => file.Services)
            .Where(service => service.Methods.Count > 0);
}
