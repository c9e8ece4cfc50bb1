using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CrmPlatform.AppHost.Dashboard.Intake;

/// <summary>
/// OTLP/JSON: the protobuf JSON mapping, except that trace and span ids are hex strings (not base64), as the
/// OTLP specification says. Ids are rewritten to base64, then Google.Protobuf's parser does the rest.
/// </summary>
internal static class OtlpJson
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static IMessage Parse(ReadOnlySpan<byte> utf8, MessageDescriptor descriptor)
    {
        var root = JsonNode.Parse(utf8) ?? throw new FormatException("The body is JSON null.");
        RewriteIds(root);
        return Parser.Parse(root.ToJsonString(), descriptor);
    }

    private static void RewriteIds(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key is "traceId" or "spanId" or "parentSpanId" && value is JsonValue id && id.TryGetValue<string>(out var hex))
                    {
                        obj[key] = Convert.ToBase64String(Convert.FromHexString(hex));
                    }
                    else if (value is not null)
                    {
                        RewriteIds(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    RewriteIds(item);
                }

                break;
        }
    }
}
