namespace CrmPlatform.Customers.Domain;

/// <summary>What de-duplication compares: normalised name key, email, E.164 phone and company web domain.</summary>
public sealed record PartyProfile(string NameKey, string? Email, string? Phone, string? CompanyDomain)
{
    public static PartyProfile Of(string name, string? email, string? phone, string? domain) =>
        new(NameKeys.Of(name), email, phone, domain ?? WebDomains.CompanyDomainOf(email));
}
