namespace CrmPlatform.Customers.Domain;

/// <summary>
/// An email address or phone number that more than <see cref="MaxHolders"/> live records of one kind share in a tenant
/// is a placeholder ("none@example.com", "+1 202 555 0100" typed into every imported row), a role mailbox or a large
/// switchboard: it says nothing about who a record is, so de-duplication ignores it. It makes no candidate pairs in the
/// duplicate scan (which would otherwise pair each holder with every other) and no evidence when a record is created;
/// the names and the other details still count.
/// </summary>
public static class SharedContactDetails
{
    public const int MaxHolders = 20;

    /// <summary>
    /// <paramref name="profile"/> without the email or phone that more than <see cref="MaxHolders"/> of
    /// <paramref name="existing"/> hold: every holder of each of its details must be there, or more than MaxHolders of them.
    /// </summary>
    public static PartyProfile Without(PartyProfile profile, IReadOnlyCollection<PartyProfile> existing)
    {
        var emailHolders = profile.Email is null
            ? 0
            : existing.Count(p => string.Equals(p.Email, profile.Email, StringComparison.OrdinalIgnoreCase));
        var phoneHolders = profile.Phone is null ? 0 : existing.Count(p => p.Phone == profile.Phone);
        return Without(profile, emailHolders > MaxHolders, phoneHolders > MaxHolders);
    }

    internal static PartyProfile Without(PartyProfile profile, bool email, bool phone) =>
        email || phone ? profile with { Email = email ? null : profile.Email, Phone = phone ? null : profile.Phone } : profile;
}

/// <summary>
/// The emails (lower case) and phones that more than <see cref="SharedContactDetails.MaxHolders"/> live records of one
/// kind share in a tenant.
/// </summary>
public sealed record SharedDetails(IReadOnlySet<string> Emails, IReadOnlySet<string> Phones)
{
    /// <summary><paramref name="profile"/> without its email or phone where they are shared.</summary>
    public PartyProfile Without(PartyProfile profile) =>
        SharedContactDetails.Without(profile,
            profile.Email is not null && Emails.Contains(profile.Email.ToLowerInvariant()),
            profile.Phone is not null && Phones.Contains(profile.Phone));
}
