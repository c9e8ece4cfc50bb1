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
