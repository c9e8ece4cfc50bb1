namespace CrmPlatform.Customers.Domain;

/// <summary>
/// The emails (lower case) and phones that more than <see cref="MaxHolders"/> live records of one kind share in a
/// tenant. Such a detail is a placeholder ("none@example.com", "+1 202 555 0100" typed into every imported row), a role
/// mailbox or a large switchboard: it says nothing about who a record is, so de-duplication ignores it. It makes no
/// candidate pairs in the duplicate scan (which would otherwise pair each holder with every other) and no evidence when
/// a record is created; the names and the other details still count.
/// </summary>
public sealed record SharedDetails(IReadOnlySet<string> Emails, IReadOnlySet<string> Phones)
{
    public const int MaxHolders = 20;

    /// <summary>The details more than <see cref="MaxHolders"/> of <paramref name="profiles"/> hold.</summary>
    public static SharedDetails Among(IReadOnlyCollection<PartyProfile> profiles) =>
        new(HeldByMany(profiles.Select(p => p.Email?.ToLowerInvariant())), HeldByMany(profiles.Select(p => p.Phone)));

    /// <summary><paramref name="profile"/> without its email or phone where they are shared.</summary>
    public PartyProfile Without(PartyProfile profile)
    {
        var email = profile.Email is not null && Emails.Contains(profile.Email.ToLowerInvariant());
        var phone = profile.Phone is not null && Phones.Contains(profile.Phone);
        return email || phone ? profile with { Email = email ? null : profile.Email, Phone = phone ? null : profile.Phone } : profile;
    }

    private static HashSet<string> HeldByMany(IEnumerable<string?> values) =>
        values.OfType<string>().GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > MaxHolders).Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
}
