using CrmPlatform.Grpc.Generator.Model;

namespace CrmPlatform.Grpc.Generator.Emit;

/// <summary>
/// Emits <c>XxxClient</c>: per rpc an overload taking headers, deadline and cancellation token and
/// one taking <c>CallOptions</c>. Unary methods are named <c>XAsync</c>, streaming ones <c>X</c>.
/// </summary>
internal static class ClientEmitter
{
    private const string CallOptions = GeneratedNames.Runtime + "CallOptions";
    private const string OptionalCallParameters =
        GeneratedNames.Runtime + "Metadata? headers = null, global::System.DateTime? deadline = null, global::System.Threading.CancellationToken cancellationToken = default";

    public static void Write(CodeWriter writer, ServiceModel service)
    {
        var client = GeneratedNames.ClientClass(service);
        DocumentationComments.WriteSummary(writer, null, "Client for " + service.FullName + ".");
        writer.Line(GeneratedNames.GeneratedCodeAttribute);
        GeneratedNames.WriteObsoleteIf(writer, service.IsDeprecated);
        writer.OpenBlock("public partial class " + client + " : " + GeneratedNames.Runtime + "ClientBase<" + client + ">");
        writer.Line("/// <summary>Creates a client that makes calls on <paramref name=\"channel\"/>.</summary>");
        writer.Line("public " + client + "(" + GeneratedNames.Runtime + "ChannelBase channel)");
        writer.Line("    : base(channel)");
        writer.Line("{");
        writer.Line("}");
        writer.Line();
        writer.Line("/// <summary>Creates a client that makes calls through <paramref name=\"callInvoker\"/>.</summary>");
        writer.Line("public " + client + "(" + GeneratedNames.Runtime + "CallInvoker callInvoker)");
        writer.Line("    : base(callInvoker)");
        writer.Line("{");
        writer.Line("}");
        foreach (var method in service.Methods)
        {
            writer.Line();
            WriteMethod(writer, method);
        }

        writer.CloseBlock();
    }

    private static void WriteMethod(CodeWriter writer, MethodModel method)
    {
        var field = GeneratedNames.MethodField(method);
        var request = method.RequestType;
        var response = method.ResponseType;
        var name = GeneratedNames.ClientMethod(method);
        string returnType;
        string requestParameter;
        string requestArgument;
        string invocation;
        switch (method.Kind)
        {
            case MethodKind.Unary:
                returnType = GeneratedNames.Runtime + "AsyncUnaryCall<" + response + ">";
                requestParameter = request + " request, ";
                requestArgument = "request, ";
                invocation = "CallInvoker.AsyncUnaryCall(" + field + ", null, options, request)";
                break;
            case MethodKind.ServerStreaming:
                returnType = GeneratedNames.Runtime + "AsyncServerStreamingCall<" + response + ">";
                requestParameter = request + " request, ";
                requestArgument = "request, ";
                invocation = "CallInvoker.AsyncServerStreamingCall(" + field + ", null, options, request)";
                break;
            case MethodKind.ClientStreaming:
                returnType = GeneratedNames.Runtime + "AsyncClientStreamingCall<" + request + ", " + response + ">";
                requestParameter = string.Empty;
                requestArgument = string.Empty;
                invocation = "CallInvoker.AsyncClientStreamingCall(" + field + ", null, options)";
                break;
            default:
                returnType = GeneratedNames.Runtime + "AsyncDuplexStreamingCall<" + request + ", " + response + ">";
                requestParameter = string.Empty;
                requestArgument = string.Empty;
                invocation = "CallInvoker.AsyncDuplexStreamingCall(" + field + ", null, options)";
                break;
        }

        DocumentationComments.WriteSummary(writer, method.Comment, "Calls rpc " + method.Name + ".");
        GeneratedNames.WriteObsoleteIf(writer, method.IsDeprecated);
        writer.OpenBlock("public virtual " + returnType + " " + name + "(" + requestParameter + OptionalCallParameters + ")");
        writer.Line("return " + name + "(" + requestArgument + "new " + CallOptions + "(headers, deadline, cancellationToken));");
        writer.CloseBlock();
        writer.Line();
        DocumentationComments.WriteSummary(writer, method.Comment, "Calls rpc " + method.Name + ".");
        GeneratedNames.WriteObsoleteIf(writer, method.IsDeprecated);
        writer.OpenBlock("public virtual " + returnType + " " + name + "(" + requestParameter + CallOptions + " options)");
        writer.Line("return " + invocation + ";");
        writer.CloseBlock();
    }
}
