using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.Customers.Domain;

/// <summary>What a contact can consent to (PIPEDA/GDPR: consent is per purpose).</summary>
public enum ConsentPurpose
{
    MarketingEmail = 1,
    Sms = 2,
    Phone = 3,
    Profiling = 4,
}

/// <summary>One entry of the append-only consent ledger.</summary>
public sealed record ConsentRecord(
    long Sequence, Guid ContactId, ConsentPurpose Purpose, bool Granted, string Source, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>Who may record consent, and what the ledger says now.</summary>
public static class ConsentRules
{
    private static readonly string[] AnyContact = [Roles.Admin, Roles.Marketer, Roles.ServiceAgent];

    /// <summary>Admins, marketers and service agents record consent for any contact; sales roles for contacts they may change.</summary>
    public static void EnsureCanRecord(Caller caller, Contact contact)
    {
        if (!AnyContact.Any(caller.IsInRole))
        {
            AccessPolicy.EnsureCanWrite(caller, contact.Ownership, contact.ResourceName);
        }
    }

    /// <summary>The latest record per purpose: a withdrawal after a grant means no consent, from that moment on.</summary>
    public static IReadOnlyList<ConsentRecord> Current(IEnumerable<ConsentRecord> ledger) =>
        ledger.GroupBy(r => r.Purpose).Select(g => g.MaxBy(r => r.Sequence)!).OrderBy(r => r.Purpose).ToList();
}
