using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>Loads a tenant's custom field definitions and validates custom values and filters against them.</summary>
internal static class CustomFieldValues
{
    public static string Fingerprint(IReadOnlyDictionary<string, CustomFieldInput> filters) =>
        string.Join(";", filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value.SentAs}:{f.Value.Text}"));

    public static async Task<IReadOnlyDictionary<string, CustomFieldDefinition>> DefinitionsAsync(
        NpgsqlConnection connection, string tenantId, RecordKind kind, CancellationToken cancellationToken) =>
        (await CustomFieldDefinitionRows.ListAsync(connection, tenantId, kind, cancellationToken)).ToDictionary(d => d.Key, StringComparer.Ordinal);

    /// <summary>The values of a new record, or of an updated one after <paramref name="change"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, CustomFieldValue>> ApplyAsync(
        NpgsqlConnection connection, string tenantId, RecordKind kind, IReadOnlyDictionary<string, CustomFieldValue> current,
        IReadOnlyDictionary<string, CustomFieldInput> inputs, bool replace, string field, CancellationToken cancellationToken)
    {
        if (inputs.Count == 0 && !replace)
        {
            return current;
        }

        var definitions = await DefinitionsAsync(connection, tenantId, kind, cancellationToken);
        var values = CustomFieldRules.Validate(definitions, inputs, field);
        return CustomFieldRules.Apply(replace ? new Dictionary<string, CustomFieldValue>() : current, values);
    }

    /// <summary>Validated filter values; a filter must carry a value.</summary>
    public static async Task<IReadOnlyDictionary<string, CustomFieldValue>> ForListAsync(
        NpgsqlConnection connection, string tenantId, RecordKind kind, IReadOnlyDictionary<string, CustomFieldInput> filters,
        CancellationToken cancellationToken)
    {
        if (filters.Count == 0)
        {
            return new Dictionary<string, CustomFieldValue>();
        }

        var definitions = await DefinitionsAsync(connection, tenantId, kind, cancellationToken);
        return CustomFieldRules.Validate(definitions, filters, "custom_fields").ToDictionary(
            f => f.Key,
            f => f.Value ?? throw new InvalidFieldException($"custom_fields.{f.Key}", "must have a value to filter on."),
            StringComparer.Ordinal);
    }
}
