namespace CrmPlatform.Customers.Domain;

/// <summary>
/// Every email, phone and name a person has had here: their contact's current ones and those in its field history,
/// which holds the values they replaced and those of the duplicates merged into the contact. Erasure remembers the
/// emails and phones as tombstones and removes import bookkeeping that mentions any of them.
/// </summary>
public sealed record PersonIdentifiers(IReadOnlyList<string> Emails, IReadOnlyList<string> Phones, IReadOnlyList<string> Names)
{
    /// <summary>The fields of a contact's history that identify the person.</summary>
    public static readonly string[] HistoryFields = ["email", "phone", "given_name", "family_name"];

    /// <param name="history">Values the history holds for <see cref="HistoryFields"/>, as (field, value).</param>
    public static PersonIdentifiers Of(Contact contact, IReadOnlyList<(string Field, string Value)> history)
    {
        IReadOnlyList<string> Values(string?[] current, params string[] fields) =>
            current.OfType<string>()
                .Concat(history.Where(entry => fields.Contains(entry.Field)).Select(entry => entry.Value))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();

        return new PersonIdentifiers(
            Values([contact.Email], "email"),
            Values([contact.Phone], "phone"),
            Values([contact.FullName, contact.GivenName, contact.FamilyName], "given_name", "family_name"));
    }

    /// <summary>The tombstone hashes: the contact's current email, phone and name key, and every earlier email and phone.</summary>
    public IReadOnlyList<string> TombstoneHashes(string tenantId, Contact contact) =>
        Emails.Select(email => PartyProfile.Of("", email, null, null))
            .Concat(Phones.Select(phone => PartyProfile.Of("", null, phone, null)))
            .Prepend(contact.ProfileWith(null))
            .SelectMany(profile => Tombstones.HashesOf(tenantId, profile))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every identifier at least three characters long, to find in free text.</summary>
    public IEnumerable<string> Words => Emails.Concat(Phones).Concat(Names).Where(text => text.Length >= 3);
}
