using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmPlatform.Customers.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Customers.Data;

/// <summary>
/// Custom values in the <c>custom_fields</c> jsonb column: <c>{"industry": {"type": "choice", "value": "retail"}}</c>,
/// numbers and booleans as JSON numbers and booleans so that containment filters compare them as such.
/// </summary>
internal static class CustomFieldJson
{
    public static NpgsqlParameter Parameter(IReadOnlyDictionary<string, CustomFieldValue> values) =>
        new() { Value = ToJson(values, withType: true).ToJsonString(), NpgsqlDbType = NpgsqlDbType.Jsonb };

    /// <summary>A containment filter value: the keys must have these values, whatever else the record holds.</summary>
    public static NpgsqlParameter Filter(IReadOnlyDictionary<string, CustomFieldValue> values) =>
        new() { Value = ToJson(values, withType: false).ToJsonString(), NpgsqlDbType = NpgsqlDbType.Jsonb };

    public static IReadOnlyDictionary<string, CustomFieldValue> Read(string json)
    {
        var values = new SortedDictionary<string, CustomFieldValue>(StringComparer.Ordinal);
        foreach (var (key, node) in JsonNode.Parse(json)!.AsObject())
        {
            var type = Enum.Parse<CustomFieldType>(node!["type"]!.GetValue<string>(), ignoreCase: true);
            var value = node["value"]!;
            values[key] = new CustomFieldValue(type, value.GetValueKind() switch
            {
                JsonValueKind.Number => value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => value.GetValue<string>(),
            });
        }

        return values;
    }

    private static JsonObject ToJson(IReadOnlyDictionary<string, CustomFieldValue> values, bool withType)
    {
        var json = new JsonObject();
        foreach (var (key, value) in values)
        {
            var entry = new JsonObject { ["value"] = ValueNode(value) };
            if (withType)
            {
                entry["type"] = value.Type.ToString().ToLowerInvariant();
            }

            json[key] = entry;
        }

        return json;
    }

    private static JsonNode ValueNode(CustomFieldValue value) => value.Type switch
    {
        CustomFieldType.Number => JsonValue.Create(double.Parse(value.Value, CultureInfo.InvariantCulture)),
        CustomFieldType.Bool => JsonValue.Create(value.Value == "true"),
        _ => JsonValue.Create(value.Value),
    };
}
