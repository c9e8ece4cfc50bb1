using System.Text;

namespace CrmPlatform.Customers.Domain;

/// <summary>The comparable form of a person's or company's name: lower-case letters and digits, words single-spaced.</summary>
public static class NameKeys
{
    private static readonly HashSet<string> CompanySuffixes =
        ["inc", "ltd", "llc", "plc", "gmbh", "ag", "sa", "bv", "co", "corp", "corporation", "limited", "company"];

    public static string Of(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(c);
            }
            else if (key.Length > 0 && key[^1] != ' ')
            {
                key.Append(' ');
            }
        }

        var words = key.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where((word, index) => index == 0 || !CompanySuffixes.Contains(word));
        return string.Join(' ', words);
    }

    /// <summary>The best of comparing the keys as written and with their words sorted ("Smith John" against "John Smith").</summary>
    public static double Similarity(string a, string b) =>
        Math.Max(JaroWinkler.Similarity(a, b), JaroWinkler.Similarity(Sorted(a), Sorted(b)));

    private static string Sorted(string key) => string.Join(' ', key.Split(' ').Order(StringComparer.Ordinal));
}
