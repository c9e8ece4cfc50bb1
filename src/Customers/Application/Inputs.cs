using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Application;

/// <summary>
/// A validated, normalised account to create; null owner and team take the caller's defaults. A phase given is a manual
/// override (null: derived, awareness to begin with); a value tier given is set by hand (null: by the tenant's rules).
/// </summary>
public sealed record NewAccount(
    AccountKind Kind,
    string DisplayName,
    string? Email,
    string? Phone,
    string? Domain,
    string? OwnerUserId,
    string? Team,
    IReadOnlyList<string> Tags,
    RelationshipPhase? Phase,
    IReadOnlyDictionary<string, CustomFieldInput> CustomFields,
    PostalAddress? Address,
    ValueTier? ValueTier);

/// <summary>A validated, normalised contact to create.</summary>
public sealed record NewContact(
    Guid AccountId,
    string? GivenName,
    string? FamilyName,
    string? Email,
    string? Phone,
    string? JobTitle,
    string? OwnerUserId,
    string? Team,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, CustomFieldInput> CustomFields,
    PostalAddress? Address,
    ContactChannel? PreferredChannel,
    ContactTimes? ContactTimes);

/// <summary>
/// <see cref="RequestId"/> makes a create idempotent; <see cref="ConfirmNotDuplicate"/> skips the duplicate guard;
/// <see cref="ReconsentSource"/> records where an erased person consented again.
/// </summary>
public sealed record CreateOptions(Guid? RequestId, bool ConfirmNotDuplicate, string? ReconsentSource = null);

/// <summary>
/// A validated update: <see cref="Fields"/> applies the standard fields; <see cref="CustomFields"/> sets (or, without
/// a value, clears) custom fields, on top of the current ones or, with <see cref="ReplaceCustomFields"/>, instead of them.
/// </summary>
public sealed record RecordChange<T>(
    Func<T, T> Fields, IReadOnlyDictionary<string, CustomFieldInput> CustomFields, bool ReplaceCustomFields);

public sealed record AccountFilters(
    string? OwnerUserId, string? Team, string? Tag, RelationshipPhase? Phase, AccountKind? Kind, CommitmentSegment? Segment,
    ValueTier? ValueTier, string? Search, IReadOnlyDictionary<string, CustomFieldInput> CustomFields, RecordOrder Order)
{
    public string Fingerprint =>
        $"accounts|{OwnerUserId}|{Team}|{Tag}|{Phase}|{Kind}|{Segment}|{ValueTier}|{Search}|{CustomFieldValues.Fingerprint(CustomFields)}|{Order}";
}

public sealed record ContactFilters(
    Guid? AccountId, string? OwnerUserId, string? Team, string? Tag, string? Search, IReadOnlyDictionary<string, CustomFieldInput> CustomFields,
    RecordOrder Order)
{
    public string Fingerprint => $"contacts|{AccountId}|{OwnerUserId}|{Team}|{Tag}|{Search}|{CustomFieldValues.Fingerprint(CustomFields)}|{Order}";
}

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextPageToken);
