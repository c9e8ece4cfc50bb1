namespace CrmPlatform.Contracts.Events;

/// <summary>
/// A contact granted or withdrew consent for a purpose ("MarketingEmail", "Sms", "Phone", "Profiling"). Consumers must
/// stop the purpose at once on a withdrawal. The free-text source stays in the ledger (ListConsents), out of events.
/// </summary>
public sealed record ConsentChanged(
    Guid ContactId,
    string TenantId,
    string Purpose,
    bool Granted,
    string RecordedBy,
    DateTimeOffset OccurredAt);
