using System.Security.Cryptography;
using System.Text;

namespace CrmPlatform.Customers.Domain;

/// <summary>
/// What remains of an erased person: SHA-256 hashes (salted with the tenant) of their normalised email, phone and name
/// key — enough to recognise a re-import, not to recover the data.
/// </summary>
public static class Tombstones
{
    public static IReadOnlyList<string> HashesOf(string tenantId, PartyProfile person) =>
        new[] { ("email", person.Email?.ToLowerInvariant()), ("phone", person.Phone), ("name", person.NameKey) }
            .Where(identifier => !string.IsNullOrEmpty(identifier.Item2))
            .Select(identifier => Hash(tenantId, identifier.Item1, identifier.Item2!))
            .ToList();

    /// <summary>The identifiers that recognise a person: email or phone (a name alone is not enough).</summary>
    public static IReadOnlyList<string> LookupHashesOf(string tenantId, PartyProfile person) =>
        new[] { ("email", person.Email?.ToLowerInvariant()), ("phone", person.Phone) }
            .Where(identifier => !string.IsNullOrEmpty(identifier.Item2))
            .Select(identifier => Hash(tenantId, identifier.Item1, identifier.Item2!))
            .ToList();

    private static string Hash(string tenantId, string kind, string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}\n{kind}\n{value}")));
}

/// <summary>The person was erased at their request; creating them again needs their renewed consent.</summary>
public sealed class ErasedPersonException()
    : Exception("This person's data was erased at their request; set reconsent_source to record that they consented again.");
