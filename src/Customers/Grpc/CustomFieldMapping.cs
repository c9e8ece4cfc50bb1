using System.Globalization;
using CrmPlatform.Customers.Application;
using CrmPlatform.Customers.Domain;
using Google.Protobuf.Collections;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>Maps custom field values, definitions and the "custom_fields" update-mask paths.</summary>
internal static class CustomFieldMapping
{
    public const string Path = "custom_fields";
    private const string KeyPathPrefix = Path + ".";

    public static IReadOnlyDictionary<string, CustomFieldInput> ToInputs(MapField<string, Proto.CustomFieldValue> values) =>
        values.ToDictionary(v => v.Key, v => ToInput(v.Value), StringComparer.Ordinal);

    public static IDictionary<string, Proto.CustomFieldValue> ToProto(IReadOnlyDictionary<string, CustomFieldValue> values) =>
        values.ToDictionary(v => v.Key, v => ToProto(v.Value), StringComparer.Ordinal);

    public static bool IsCustomFieldPath(string path) => path == Path || path.StartsWith(KeyPathPrefix, StringComparison.Ordinal);

    /// <summary>Populated custom values update their keys (and leave the others) when no mask is sent.</summary>
    public static IEnumerable<string> PopulatedPaths(MapField<string, Proto.CustomFieldValue> values) =>
        values.Keys.Select(key => KeyPathPrefix + key);

    public static RecordChange<T> Change<T>(Func<T, T> fields, IEnumerable<string> paths, MapField<string, Proto.CustomFieldValue> values)
    {
        var inputs = ToInputs(values);
        var changes = new Dictionary<string, CustomFieldInput>(StringComparer.Ordinal);
        var replace = false;
        foreach (var path in paths.Where(IsCustomFieldPath))
        {
            if (path == Path)
            {
                replace = true;
                foreach (var (key, input) in inputs)
                {
                    changes[key] = input;
                }
            }
            else
            {
                var key = path[KeyPathPrefix.Length..];
                changes[key] = inputs.GetValueOrDefault(key) ?? new CustomFieldInput(null, "");
            }
        }

        return new RecordChange<T>(fields, changes, replace);
    }

    public static Proto.CustomFieldDefinition ToProto(CustomFieldDefinition definition) => new()
    {
        Key = definition.Key,
        RecordType = (Proto.RecordType)definition.RecordKind,
        DisplayName = definition.DisplayName,
        Type = (Proto.CustomFieldType)definition.Type,
        Choices = { definition.Choices },
        CreateTime = Fields.Time(definition.CreatedAt),
    };

    public static RecordKind? RecordKindOf(Proto.RecordType type, string field) => type switch
    {
        Proto.RecordType.Unspecified => null,
        Proto.RecordType.Account => RecordKind.Account,
        Proto.RecordType.Contact => RecordKind.Contact,
        _ => throw new InvalidFieldException(field, $"{(int)type} is not a record type."),
    };

    public static CustomFieldType? TypeOf(Proto.CustomFieldType type) =>
        type != Proto.CustomFieldType.Unspecified && Enum.IsDefined((CustomFieldType)type) ? (CustomFieldType)type : null;

    private static CustomFieldInput ToInput(Proto.CustomFieldValue value) => value.ValueCase switch
    {
        Proto.CustomFieldValue.ValueOneofCase.TextValue => new(CustomFieldType.Text, value.TextValue),
        Proto.CustomFieldValue.ValueOneofCase.NumberValue => new(CustomFieldType.Number, value.NumberValue.ToString("R", CultureInfo.InvariantCulture)),
        Proto.CustomFieldValue.ValueOneofCase.DateValue => new(CustomFieldType.Date, value.DateValue),
        Proto.CustomFieldValue.ValueOneofCase.BoolValue => new(CustomFieldType.Bool, value.BoolValue ? "true" : "false"),
        Proto.CustomFieldValue.ValueOneofCase.ChoiceValue => new(CustomFieldType.Choice, value.ChoiceValue),
        _ => new(null, ""),
    };

    private static Proto.CustomFieldValue ToProto(CustomFieldValue value) => value.Type switch
    {
        CustomFieldType.Text => new() { TextValue = value.Value },
        CustomFieldType.Number => new() { NumberValue = double.Parse(value.Value, CultureInfo.InvariantCulture) },
        CustomFieldType.Date => new() { DateValue = value.Value },
        CustomFieldType.Bool => new() { BoolValue = value.Value == "true" },
        _ => new() { ChoiceValue = value.Value },
    };
}
