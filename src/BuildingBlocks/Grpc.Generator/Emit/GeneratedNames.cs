using CrmPlatform.Grpc.Generator.Model;
using CrmPlatform.Grpc.Generator.Resolution;

namespace CrmPlatform.Grpc.Generator.Emit;

/// <summary>Names and type spellings shared by the emitted classes, following grpc-dotnet.</summary>
internal static class GeneratedNames
{
    public const string Runtime = "global::CrmPlatform.Grpc.";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string ServerCallContext = Runtime + "ServerCallContext";

    public static string ServiceClass(ServiceModel service) => CSharpNames.EscapeIdentifier(service.Name);

    public static string BaseClass(ServiceModel service) => CSharpNames.ServerBaseClassName(service.Name);

    public static string ClientClass(ServiceModel service) => CSharpNames.ClientClassName(service.Name);

    /// <summary>The server method of an rpc.</summary>
    public static string MethodIdentifier(MethodModel method) => CSharpNames.EscapeIdentifier(method.Name);

    public static string ClientMethod(MethodModel method) =>
        CSharpNames.EscapeIdentifier(CSharpNames.ClientMethodName(method.Name, method.Kind == MethodKind.Unary));

    public static string MethodField(MethodModel method) => "__Method_" + method.Name;

    public static string MethodType(MethodModel method) =>
        Runtime + "Method<" + method.RequestType + ", " + method.ResponseType + ">";

    public static string RequestStreamReader(MethodModel method) => Runtime + "IAsyncStreamReader<" + method.RequestType + ">";

    public static string ResponseStreamWriter(MethodModel method) => Runtime + "IServerStreamWriter<" + method.ResponseType + ">";

    /// <summary>Writes <c>[Obsolete]</c> for elements declared with <c>option deprecated = true</c>.</summary>
    public static void WriteObsoleteIf(CodeWriter writer, bool isDeprecated)
    {
        if (isDeprecated)
        {
            writer.Line("[global::System.Obsolete]");
        }
    }

    public static readonly string GeneratedCodeAttribute =
        "[global::System.CodeDom.Compiler.GeneratedCode(\"CrmPlatform.Grpc.Generator\", \""
        + typeof(GeneratedNames).Assembly.GetName().Version + "\")]";
}
