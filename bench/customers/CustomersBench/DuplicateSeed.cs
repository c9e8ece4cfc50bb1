using CrmPlatform.Bench;
using Npgsql;

namespace CrmPlatform.CustomersBench;

/// <summary>A seeded account and the near-duplicate of it seeded right after it.</summary>
internal sealed record PlantedDuplicate(Guid Original, Guid Duplicate);

/// <summary>
/// Loads consumers with planted near-duplicates into one tenant with one statement (see <see cref="AccountSeed"/>).
/// Person p has one of <see cref="Names"/> names (one of 80 first names and a surname of three of 47 syllables), spread
/// over all of them by q = 7919 p mod <see cref="Names"/> (7919 is prime to it: distinct for distinct p); a mailbox
/// first.last at one of five free-mail domains (60 %) or at one of about 2,200 company domains; and a phone of their own
/// unless p is a multiple of ten, where half have none and half the placeholder <see cref="PlaceholderPhone"/> that
/// imports fill empty phone fields with (5 % of the rows: 5,000 in 100,000, which the scan must not pair). Every
/// <see cref="Every"/>th row is a variant of the row before it, taking turns: the name in capitals with the email in
/// capitals and no phone; a letter dropped from the surname with the same email and phone; a letter doubled in the
/// surname with the same phone and no email. Originals of variants are odd (p = 34k - 1): they have a phone.
/// </summary>
internal static class DuplicateSeed
{
    private const int Every = 34;
    private const string PlaceholderPhone = "+12125550100";

    private static readonly string[] FirstNames =
    [
        "Aaliyah", "Bruno", "Camille", "Dario", "Esther", "Fatima", "Gustav", "Hugo", "Irina", "Jorge", "Keiko", "Luis",
        "Magnus", "Noor", "Olga", "Pablo", "Quinn", "Rahul", "Sofia", "Thomas", "Ulla", "Viktor", "Wanda", "Xavier", "Yara",
        "Zeynep", "Ahmed", "Beatriz", "Connor", "Daniela", "Erik", "Freya", "Gabriel", "Helga", "Isaac", "Jasmine", "Kenji",
        "Lucia", "Mohammed", "Naomi", "Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "James",
        "Kofi", "Laura", "Mateo", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Samuel", "Tara", "Umar", "Vera", "Wei",
        "Ximena", "Yusuf", "Zoe", "Adam", "Bianca", "Chen", "Dmitri", "Emma", "Felix", "Gita", "Hannah", "Ivan", "Julia",
        "Karim", "Lena", "Marco", "Nina",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ra", "ten", "bor", "vic", "san", "del", "mor", "gan", "li", "ster", "wa", "ne", "ho", "ber",
        "tis", "ru", "fel", "dan", "cor", "po", "ell", "qui", "zan", "yor", "hau", "pret", "gro", "jun", "ax", "ef", "om",
        "uk", "bri", "sch", "dy", "vo", "nix", "ma", "tu", "sel", "oke", "lan", "pi", "gor",
    ];

    private static readonly string[] MailDomains = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com"];

    private static readonly int Names = FirstNames.Length * Syllables.Length * Syllables.Length * Syllables.Length;

    /// <summary>The accounts of the people: each original as it is, each duplicate as its variant of the original.</summary>
    private const string Rows =
        """
        SELECT id, 2 AS kind,
            CASE WHEN NOT duplicate THEN first || ' ' || last
                 WHEN variant = 0 THEN upper(first || ' ' || last)
                 WHEN variant = 1 THEN first || ' ' || overlay(last placing '' from 2 for 1)
                 ELSE first || ' ' || overlay(last placing substr(last, 3, 1) from 3 for 0) END AS name,
            CASE WHEN duplicate AND variant = 0 THEN upper(first || '.' || last) || '@' || mail_domain
                 WHEN duplicate AND variant = 2 THEN NULL
                 ELSE lower(first || '.' || last) || '@' || mail_domain END AS email,
            CASE WHEN duplicate AND variant = 0 THEN NULL ELSE phone END AS phone, NULL AS domain
        FROM people
        """;

    /// <returns>The planted pairs, for checking that the scan finds them.</returns>
    public static async Task<List<PlantedDuplicate>> InsertAsync(CustomersPlatform platform, string tenant, int rows, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(platform.Postgres.ConnectionString(CustomersPlatform.Database));
        await using var command = dataSource.CreateCommand($$"""
            WITH people AS MATERIALIZED (
                SELECT i, gen_random_uuid() AS id, i % {{Every}} = 0 AS duplicate, (i / {{Every}}) % 3 AS variant,
                    {{Pick(FirstNames, "q")}} AS first,
                    initcap({{Syllable(0)}} || {{Syllable(1)}} || {{Syllable(2)}}) AS last,
                    CASE WHEN p % 10 < 6 THEN {{Pick(MailDomains, "p")}}
                         ELSE {{Pick(Syllables, "p / 3")}} || {{Pick(Syllables, "p / 7")}} || '.com' END AS mail_domain,
                    CASE WHEN p % 10 <> 0 THEN '+1212' || lpad((p % 10000000)::text, 7, '0')
                         WHEN p % 20 = 0 THEN '{{PlaceholderPhone}}' END AS phone
                FROM generate_series(1, @rows) AS i, LATERAL (SELECT i - (i % {{Every}} = 0)::int AS p) AS person,
                    LATERAL (SELECT p::bigint * 7919 % {{Names}} AS q) AS spread),
            inserted AS ({{AccountSeed.InsertFrom(Rows)}})
            SELECT original, id FROM (SELECT lag(id) OVER (ORDER BY i) AS original, id, duplicate FROM people) AS paired WHERE duplicate
            """);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("rows", rows);
        command.CommandTimeout = 0;
        var planted = new List<PlantedDuplicate>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                planted.Add(new PlantedDuplicate(reader.GetGuid(0), reader.GetGuid(1)));
            }
        }

        await AccountSeed.AnalyzeAsync(dataSource, cancellationToken);
        return planted;
    }

    /// <summary>The surname syllable at <paramref name="position"/> of the name q, in SQL.</summary>
    private static string Syllable(int position) => Pick(Syllables, $"q / {FirstNames.Length * (int)Math.Pow(Syllables.Length, position)}");

    /// <summary>The element of <paramref name="values"/> at <paramref name="index"/> modulo their count, in SQL.</summary>
    private static string Pick(string[] values, string index) => $"(ARRAY['{string.Join("','", values)}'])[1 + ({index}) % {values.Length}]";
}
