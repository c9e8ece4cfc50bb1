using System.Text;

namespace CrmPlatform.Customers.Domain;

/// <summary>
/// Normalises phone numbers to E.164 ("+442071838750"): formatting (spaces, dashes, dots, brackets, slashes) is
/// stripped, as is the "(0)" some write after "+cc"; "+cc" and "00cc" are international; anything else is a national number of <see cref="DefaultRegion"/>,
/// whose trunk prefix ("0" in most of Europe, "1" in North America) is dropped. The country calling code must exist
/// and the national number must have a length possible in that country.
/// </summary>
public sealed class PhoneNumbers
{
    private const int MaxE164Digits = 15;

    public PhoneNumbers(string defaultRegion)
    {
        if (!PhoneRegions.ByIsoCode.TryGetValue(defaultRegion.ToUpperInvariant(), out var region))
        {
            throw new ArgumentException(
                $"Unknown default phone region '{defaultRegion}'; known: {string.Join(", ", PhoneRegions.ByIsoCode.Keys.Order())}.",
                nameof(defaultRegion));
        }

        DefaultRegion = region;
    }

    public PhoneRegion DefaultRegion { get; }

    /// <returns>The E.164 number, or null when empty.</returns>
    public string? Normalize(string? raw, string field)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var digits = new StringBuilder();
        var international = false;
        foreach (var c in raw.Trim().Replace("(0)", "", StringComparison.Ordinal))
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+' && digits.Length == 0 && !international)
            {
                international = true;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '/'))
            {
                throw Invalid(field, raw, "may contain only digits, a leading + and formatting characters");
            }
        }

        var number = digits.ToString();
        if (!international && number.StartsWith(DefaultRegion.InternationalPrefix, StringComparison.Ordinal))
        {
            international = true;
            number = number[DefaultRegion.InternationalPrefix.Length..];
        }

        if (!international)
        {
            number = ToInternational(number);
        }

        var callingCode = CallingCodes.Match(number)
            ?? throw Invalid(field, raw, "starts with no known country calling code");
        var national = number[callingCode.Length..];
        var (min, max) = CallingCodes.NationalLengths(callingCode);
        if (number.Length > MaxE164Digits || national.Length < min || national.Length > max)
        {
            throw Invalid(field, raw, $"has an impossible length for country code +{callingCode}");
        }

        if (callingCode == "1" && (national[0] < '2' || national[3] < '2'))
        {
            throw Invalid(field, raw, "is not a possible North American number");
        }

        return "+" + number;
    }

    private string ToInternational(string national)
    {
        var region = DefaultRegion;
        if (region.TrunkPrefix.Length > 0 && national.StartsWith(region.TrunkPrefix, StringComparison.Ordinal))
        {
            national = national[region.TrunkPrefix.Length..];
        }

        return region.CallingCode + national;
    }

    private static InvalidFieldException Invalid(string field, string raw, string problem) =>
        new(field, $"'{EmailAddresses.Shorten(raw)}' is not a valid phone number: it {problem}.");
}
