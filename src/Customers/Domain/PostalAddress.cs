namespace CrmPlatform.Customers.Domain;

/// <summary>A normalised postal address (the shape of google.type.PostalAddress).</summary>
public sealed record PostalAddress(
    string RegionCode, string? PostalCode, string? AdministrativeArea, string? Locality, IReadOnlyList<string> AddressLines)
{
    /// <summary>One line, as the audit history shows it: "1 Main St, Springfield, IL 62701, US".</summary>
    public string SingleLine =>
        string.Join(", ", AddressLines
            .Append(Locality)
            .Append(string.Join(' ', new[] { AdministrativeArea, PostalCode }.Where(p => p is not null)))
            .Append(RegionCode)
            .Where(p => !string.IsNullOrEmpty(p)));
}
