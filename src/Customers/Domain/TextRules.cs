using System.Text;

namespace CrmPlatform.Customers.Domain;

/// <summary>Normalisation of free-text fields: trimmed, inner whitespace collapsed, no control characters, bounded length.</summary>
public static class TextRules
{
    public const int MaxNameLength = 200;
    public const int MaxIdLength = 200;
    public const int MaxTagLength = 50;
    public const int MaxTags = 20;

    public static string RequiredName(string? raw, string field) =>
        OptionalText(raw, field, MaxNameLength) ?? throw new InvalidFieldException(field, "is required.");

    /// <returns>The normalised text, or null when empty.</returns>
    public static string? OptionalText(string? raw, string field, int maxLength = MaxNameLength)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (raw.Length > maxLength * 4)
        {
            throw new InvalidFieldException(field, $"must be at most {maxLength} characters.");
        }

        var text = new StringBuilder(raw.Length);
        var pendingSpace = false;
        foreach (var c in raw.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (char.IsControl(c))
            {
                throw new InvalidFieldException(field, "must not contain control characters.");
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            text.Append(c);
        }

        if (text.Length > maxLength)
        {
            throw new InvalidFieldException(field, $"must be at most {maxLength} characters.");
        }

        return text.ToString();
    }

    /// <summary>Tags are lower-cased, trimmed, distinct, 1 to 50 characters each, at most 20.</summary>
    public static IReadOnlyList<string> Tags(IEnumerable<string> raw, string field)
    {
        var tags = new List<string>();
        foreach (var tag in raw)
        {
            var normalised = OptionalText(tag, field, MaxTagLength)?.ToLowerInvariant()
                ?? throw new InvalidFieldException(field, "must not contain empty tags.");
            if (!tags.Contains(normalised))
            {
                tags.Add(normalised);
            }
        }

        if (tags.Count > MaxTags)
        {
            throw new InvalidFieldException(field, $"must have at most {MaxTags} tags.");
        }

        return tags;
    }
}
