using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Grpc;

/// <summary>Parses "accounts/{uuid}" and "contacts/{uuid}" resource names.</summary>
internal static class ResourceNames
{
    public static Guid Parse(string? name, string prefix, string field) =>
        ParseOptional(name, prefix, field) ?? throw new InvalidFieldException(field, "is required.");

    public static Guid? ParseOptional(string? name, string prefix, string field)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        return name.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(name.AsSpan(prefix.Length), out var id)
            ? id
            : throw new InvalidFieldException(field, $"must look like '{prefix}{{uuid}}'.");
    }

    /// <summary>The most names one batch call reads (AIP-231).</summary>
    public const int MaxBatchSize = 1000;

    /// <summary>
    /// The ids of a batch of names, in order: at most <see cref="MaxBatchSize"/> (else INVALID_ARGUMENT naming
    /// <paramref name="field"/>), each well formed (else INVALID_ARGUMENT naming it: "names[3]").
    /// </summary>
    public static IReadOnlyList<Guid> ParseBatch(IReadOnlyList<string> names, string prefix, string field)
    {
        if (names.Count > MaxBatchSize)
        {
            throw new InvalidFieldException(field, $"holds {names.Count} names; at most {MaxBatchSize} are read at once.");
        }

        return names.Select((name, i) => Parse(name, prefix, $"{field}[{i}]")).ToList();
    }

    /// <summary>An account's or a contact's resource name.</summary>
    public static (RecordKind Kind, Guid Id) ParseRecord(string? name, string field) =>
        name?.StartsWith(Contact.ResourcePrefix, StringComparison.Ordinal) == true
            ? (RecordKind.Contact, Parse(name, Contact.ResourcePrefix, field))
            : (RecordKind.Account, Parse(name, Account.ResourcePrefix, field));

    public static Guid? RequestId(string? requestId) =>
        string.IsNullOrEmpty(requestId) ? null
        : Guid.TryParse(requestId, out var id) ? id
        : throw new InvalidFieldException("request_id", "must be a UUID.");
}
