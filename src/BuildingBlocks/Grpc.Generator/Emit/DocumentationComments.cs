namespace CrmPlatform.Grpc.Generator.Emit;

/// <summary>Writes XML documentation comments from proto comments.</summary>
internal static class DocumentationComments
{
    /// <summary>Writes a <c>summary</c> from the proto comment, or from <paramref name="fallback"/> when there is none.</summary>
    public static void WriteSummary(CodeWriter writer, string? protoComment, string fallback)
    {
        writer.Line("/// <summary>");
        foreach (var line in (protoComment ?? fallback).Split('\n'))
        {
            writer.Line(("/// " + EscapeXml(line)).TrimEnd());
        }

        writer.Line("/// </summary>");
    }

    public static string EscapeXml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
