namespace CrmPlatform.Contracts.Events;

/// <summary>
/// A contact granted or withdrew consent for a purpose ("MarketingEmail", "Sms", "Phone", "Profiling"). Consumers must
/// stop the purpose at once on a withdrawal.
/// </summary>
public sealed record ConsentChanged(
    Guid ContactId,
    string TenantId,
    string Purpose,
    bool Granted,
    string Source,
    string RecordedBy,
    DateTimeOffset OccurredAt);
