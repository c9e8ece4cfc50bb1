using CrmPlatform.Grpc.Generator.Model;

namespace CrmPlatform.Grpc.Generator.Emit;

/// <summary>Emits <c>XxxBase</c>: one virtual method per rpc that answers UNIMPLEMENTED until overridden.</summary>
internal static class ServerBaseEmitter
{
    public static void Write(CodeWriter writer, ServiceModel service)
    {
        DocumentationComments.WriteSummary(writer, null, "Base class for server-side implementations of " + service.FullName + ".");
        writer.Line(GeneratedNames.GeneratedCodeAttribute);
        GeneratedNames.WriteObsoleteIf(writer, service.IsDeprecated);
        writer.Line("[" + GeneratedNames.Runtime + "BindServiceMethod(typeof(" + GeneratedNames.ServiceClass(service) + "), nameof(BindService))]");
        writer.OpenBlock("public abstract partial class " + GeneratedNames.BaseClass(service));
        for (var i = 0; i < service.Methods.Count; i++)
        {
            if (i > 0)
            {
                writer.Line();
            }

            var method = service.Methods[i];
            DocumentationComments.WriteSummary(writer, method.Comment, "Handles rpc " + method.Name + ".");
            GeneratedNames.WriteObsoleteIf(writer, method.IsDeprecated);
            writer.OpenBlock("public virtual " + Signature(method));
            writer.Line(
                "throw new " + GeneratedNames.Runtime + "RpcException(new " + GeneratedNames.Runtime + "Status("
                + GeneratedNames.Runtime + "StatusCode.Unimplemented, \"Method " + service.FullName + "/" + method.Name + " is unimplemented.\"));");
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    private static string Signature(MethodModel method)
    {
        var name = GeneratedNames.MethodIdentifier(method);
        var context = GeneratedNames.ServerCallContext + " context";
        return method.Kind switch
        {
            MethodKind.Unary =>
                GeneratedNames.Task + "<" + method.ResponseType + "> " + name + "(" + method.RequestType + " request, " + context + ")",
            MethodKind.ClientStreaming =>
                GeneratedNames.Task + "<" + method.ResponseType + "> " + name + "(" + GeneratedNames.RequestStreamReader(method) + " requestStream, " + context + ")",
            MethodKind.ServerStreaming =>
                GeneratedNames.Task + " " + name + "(" + method.RequestType + " request, " + GeneratedNames.ResponseStreamWriter(method) + " responseStream, " + context + ")",
            _ =>
                GeneratedNames.Task + " " + name + "(" + GeneratedNames.RequestStreamReader(method) + " requestStream, " + GeneratedNames.ResponseStreamWriter(method) + " responseStream, " + context + ")",
        };
    }
}
