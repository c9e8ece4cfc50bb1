namespace CrmPlatform.Customers.Domain;

/// <summary>The kinds of record with a field-level history and custom fields.</summary>
public enum RecordKind
{
    Account = 1,
    Contact = 2,
}

/// <summary>A record whose fields are kept in the field-level history.</summary>
public interface IAuditable
{
    string ResourceName { get; }

    /// <summary>Every audited field by its API name, as text (null when empty).</summary>
    IReadOnlyDictionary<string, string?> AuditValues { get; }
}

/// <summary>One field's change: the old value is null for a creation.</summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);

public static class FieldChanges
{
    /// <summary>The fields of a new record that have a value.</summary>
    public static IReadOnlyList<FieldChange> OfCreation(IAuditable created) =>
        created.AuditValues.Where(v => v.Value is not null).Select(v => new FieldChange(v.Key, null, v.Value)).ToList();

    /// <summary>The fields whose value differs between two versions of a record.</summary>
    public static IReadOnlyList<FieldChange> Between(IAuditable before, IAuditable after)
    {
        var old = before.AuditValues;
        var current = after.AuditValues;
        return old.Keys.Union(current.Keys)
            .Select(field => new FieldChange(field, old.GetValueOrDefault(field), current.GetValueOrDefault(field)))
            .Where(change => !string.Equals(change.OldValue, change.NewValue, StringComparison.Ordinal))
            .ToList();
    }
}

/// <summary>A recorded change: <see cref="Sequence"/> orders the history, <see cref="Version"/> is the record's after it.</summary>
public sealed record AuditEntry(long Sequence, FieldChange Change, string ChangedBy, DateTimeOffset ChangedAt, long Version);
