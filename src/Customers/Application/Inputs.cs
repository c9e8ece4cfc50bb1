using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Application;

/// <summary>A validated, normalised account to create; null owner and team take the caller's defaults.</summary>
public sealed record NewAccount(
    AccountKind Kind,
    string DisplayName,
    string? Email,
    string? Phone,
    string? Domain,
    string? OwnerUserId,
    string? Team,
    IReadOnlyList<string> Tags,
    RelationshipPhase Phase);

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
    IReadOnlyList<string> Tags);

/// <summary><see cref="RequestId"/> makes a create idempotent; <see cref="ConfirmNotDuplicate"/> skips the duplicate guard.</summary>
public sealed record CreateOptions(Guid? RequestId, bool ConfirmNotDuplicate);

public sealed record AccountFilters(
    string? OwnerUserId, string? Team, string? Tag, RelationshipPhase? Phase, AccountKind? Kind, string? Search)
{
    public string Fingerprint => $"accounts|{OwnerUserId}|{Team}|{Tag}|{Phase}|{Kind}|{Search}";
}

public sealed record ContactFilters(Guid? AccountId, string? OwnerUserId, string? Team, string? Tag, string? Search)
{
    public string Fingerprint => $"contacts|{AccountId}|{OwnerUserId}|{Team}|{Tag}|{Search}";
}

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextPageToken);
