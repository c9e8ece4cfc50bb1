using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmPlatform.Customers.Domain;

public enum CustomFieldType
{
    Text = 1,
    Number = 2,
    Date = 3,
    Bool = 4,
    Choice = 5,
}

/// <summary>A tenant's typed field for accounts or contacts, defined by an admin.</summary>
public sealed record CustomFieldDefinition(
    RecordKind RecordKind, string Key, string DisplayName, CustomFieldType Type, IReadOnlyList<string> Choices, DateTimeOffset CreatedAt);

/// <summary>A validated value in canonical text: invariant round-trip numbers, "true"/"false", ISO dates.</summary>
public sealed record CustomFieldValue(CustomFieldType Type, string Value);

/// <summary>A value as the caller sent it: the type of the case they set (null when none: clear the field).</summary>
public sealed record CustomFieldInput(CustomFieldType? SentAs, string Text);

/// <summary>Definition and value rules for custom fields.</summary>
public static partial class CustomFieldRules
{
    public const int MaxTextLength = 1000;
    public const int MaxChoices = 100;
    public const string AuditPrefix = "custom_fields.";

    public static CustomFieldDefinition Define(
        RecordKind recordKind, string? key, string? displayName, CustomFieldType? type, IEnumerable<string> choices, DateTimeOffset now)
    {
        if (key is null || !KeyPattern().IsMatch(key))
        {
            throw new InvalidFieldException("definition.key", "must be 1 to 50 lower-case letters, digits or underscores, starting with a letter.");
        }

        var fieldType = type ?? throw new InvalidFieldException("definition.type", "is required: text, number, date, bool or choice.");
        var options = choices.Select(c => TextRules.OptionalText(c, "definition.choices", TextRules.MaxNameLength)
            ?? throw new InvalidFieldException("definition.choices", "must not contain empty choices.")).Distinct().ToList();
        if (fieldType == CustomFieldType.Choice ? options.Count is 0 or > MaxChoices : options.Count > 0)
        {
            throw new InvalidFieldException("definition.choices",
                fieldType == CustomFieldType.Choice ? $"must list 1 to {MaxChoices} choices." : "are only for choice fields.");
        }

        return new CustomFieldDefinition(recordKind, key, TextRules.OptionalText(displayName, "definition.display_name") ?? key,
            fieldType, options, now);
    }

    /// <summary>
    /// Validates <paramref name="inputs"/> against the tenant's definitions; <paramref name="field"/> is the request path
    /// of the map ("account.custom_fields"). Returns the values to set (null to clear), by key.
    /// </summary>
    public static IReadOnlyDictionary<string, CustomFieldValue?> Validate(
        IReadOnlyDictionary<string, CustomFieldDefinition> definitions, IReadOnlyDictionary<string, CustomFieldInput> inputs, string field)
    {
        var values = new Dictionary<string, CustomFieldValue?>(StringComparer.Ordinal);
        foreach (var (key, input) in inputs)
        {
            var path = $"{field}.{key}";
            if (!definitions.TryGetValue(key, out var definition))
            {
                throw new InvalidFieldException(path, "is not a defined custom field; see ListCustomFieldDefinitions.");
            }

            values[key] = input.SentAs is null ? null : ValueOf(definition, input, path);
        }

        return values;
    }

    /// <summary><paramref name="current"/> with <paramref name="changes"/> applied (a null value removes the key).</summary>
    public static IReadOnlyDictionary<string, CustomFieldValue> Apply(
        IReadOnlyDictionary<string, CustomFieldValue> current, IReadOnlyDictionary<string, CustomFieldValue?> changes)
    {
        var result = new SortedDictionary<string, CustomFieldValue>(current.ToDictionary(), StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = value;
            }
        }

        return result;
    }

    /// <summary>The audit view of custom values: one field per key, "custom_fields.industry".</summary>
    public static IEnumerable<KeyValuePair<string, string?>> AuditValues(IReadOnlyDictionary<string, CustomFieldValue> values) =>
        values.Select(v => KeyValuePair.Create(AuditPrefix + v.Key, (string?)v.Value.Value));

    private static CustomFieldValue ValueOf(CustomFieldDefinition definition, CustomFieldInput input, string path)
    {
        if (input.SentAs != definition.Type)
        {
            throw new InvalidFieldException(path, $"is a {Name(definition.Type)} field; a {Name(input.SentAs!.Value)} value was sent.");
        }

        var value = definition.Type switch
        {
            CustomFieldType.Text => TextRules.OptionalText(input.Text, path, MaxTextLength)
                ?? throw new InvalidFieldException(path, "must not be empty; send no value to clear it."),
            CustomFieldType.Number => double.TryParse(input.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && double.IsFinite(number) ? number.ToString("R", CultureInfo.InvariantCulture)
                : throw new InvalidFieldException(path, "must be a finite number."),
            CustomFieldType.Date => DateOnly.TryParseExact(input.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : throw new InvalidFieldException(path, $"'{EmailAddresses.Shorten(input.Text)}' is not a date like 2026-11-22."),
            CustomFieldType.Bool => input.Text,
            _ => definition.Choices.Contains(input.Text, StringComparer.Ordinal) ? input.Text
                : throw new InvalidFieldException(path, $"must be one of {string.Join(", ", definition.Choices)}."),
        };
        return new CustomFieldValue(definition.Type, value);
    }

    private static string Name(CustomFieldType type) => type.ToString().ToLowerInvariant();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,49}$")]
    private static partial Regex KeyPattern();
}
