using System.Text;
using System.Text.RegularExpressions;

namespace CrmPlatform.Customers.Domain;

/// <summary>The comparable form of a person's or company's name: lower-case letters and digits, words single-spaced.</summary>
public static partial class NameKeys
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

    /// <summary>
    /// True when both keys carry numbers and not the same ones, read as numbers ("store 001" and "store 1" carry the
    /// same; "store 001" and "store 002" do not): a number names a branch, a unit or a mailbox of its own, however alike
    /// the letters around it. Also for mailbox keys.
    /// </summary>
    public static bool CarryDifferentNumbers(string a, string b)
    {
        var first = Numbers(a);
        var second = Numbers(b);
        return first.Length > 0 && second.Length > 0 && !first.SequenceEqual(second, StringComparer.Ordinal);
    }

    private static string[] Numbers(string key) =>
        [.. Digits().Matches(key).Select(number => number.Value.TrimStart('0') is { Length: > 0 } value ? value : "0")];

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    private static string Sorted(string key) => string.Join(' ', key.Split(' ').Order(StringComparer.Ordinal));
}
