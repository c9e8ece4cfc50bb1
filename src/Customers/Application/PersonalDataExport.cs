using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Application;

/// <summary>Everything the service holds about one contact, read in one snapshot.</summary>
public sealed record PersonalDataExport(
    Contact Contact,
    Account Account,
    IReadOnlyList<Relationship> Relationships,
    IReadOnlyList<ConsentRecord> Consents,
    IReadOnlyList<AuditEntry> History,
    IReadOnlyList<Interaction> Interactions);
