using System.Text.RegularExpressions;

namespace CrmPlatform.Customers.Domain;

/// <summary>
/// Address normalisation: texts trimmed and bounded, the region an ISO 3166-1 alpha-2 code (upper-cased), and the postal
/// code upper-cased, checked and formatted by the country's rule where one is known ("sw1a1aa" in GB is "SW1A 1AA").
/// </summary>
public static partial class PostalAddresses
{
    public const int MaxLines = 5;
    public const int MaxPartLength = 100;

    private static readonly HashSet<string> RegionCodes = """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC
        CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD
        GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH
        KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW
        MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC
        SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY
        UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>Per country: the pattern a postal code (upper-case, spaces removed) must match, and how to write it.</summary>
    private static readonly Dictionary<string, (Regex Pattern, string Format)> PostalCodeRules = new()
    {
        ["US"] = (new Regex(@"^(\d{5})-?(\d{4})?$"), "$1-$2"),
        ["CA"] = (new Regex(@"^([A-Z]\d[A-Z])(\d[A-Z]\d)$"), "$1 $2"),
        ["GB"] = (new Regex(@"^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$"), "$1 $2"),
        ["IE"] = (new Regex(@"^([A-Z]\d[\dW])([A-Z\d]{4})$"), "$1 $2"),
        ["NL"] = (new Regex(@"^(\d{4})([A-Z]{2})$"), "$1 $2"),
        ["SE"] = (new Regex(@"^(\d{3})(\d{2})$"), "$1 $2"),
        ["JP"] = (new Regex(@"^(\d{3})-?(\d{4})$"), "$1-$2"),
        ["BR"] = (new Regex(@"^(\d{5})-?(\d{3})$"), "$1-$2"),
        ["PL"] = (new Regex(@"^(\d{2})-?(\d{3})$"), "$1-$2"),
        ["DE"] = (new Regex(@"^(\d{5})$"), "$1"),
        ["FR"] = (new Regex(@"^(\d{5})$"), "$1"),
        ["ES"] = (new Regex(@"^(\d{5})$"), "$1"),
        ["IT"] = (new Regex(@"^(\d{5})$"), "$1"),
        ["AU"] = (new Regex(@"^(\d{4})$"), "$1"),
        ["AT"] = (new Regex(@"^(\d{4})$"), "$1"),
        ["BE"] = (new Regex(@"^(\d{4})$"), "$1"),
        ["CH"] = (new Regex(@"^(\d{4})$"), "$1"),
        ["DK"] = (new Regex(@"^(\d{4})$"), "$1"),
        ["NO"] = (new Regex(@"^(\d{4})$"), "$1"),
        ["IN"] = (new Regex(@"^(\d{6})$"), "$1"),
    };

    /// <returns>The normalised address, or null when every part is empty.</returns>
    public static PostalAddress? Normalize(
        string? regionCode, string? postalCode, string? administrativeArea, string? locality, IEnumerable<string> addressLines, string field)
    {
        var lines = addressLines
            .Select(line => TextRules.OptionalText(line, $"{field}.address_lines", TextRules.MaxNameLength))
            .OfType<string>()
            .ToList();
        var area = TextRules.OptionalText(administrativeArea, $"{field}.administrative_area", MaxPartLength);
        var city = TextRules.OptionalText(locality, $"{field}.locality", MaxPartLength);
        var region = TextRules.OptionalText(regionCode, $"{field}.region_code", MaxPartLength)?.ToUpperInvariant();
        var postal = TextRules.OptionalText(postalCode, $"{field}.postal_code", MaxPartLength);
        if (region is null && postal is null && area is null && city is null && lines.Count == 0)
        {
            return null;
        }

        if (lines.Count > MaxLines)
        {
            throw new InvalidFieldException($"{field}.address_lines", $"must have at most {MaxLines} lines.");
        }

        if (region is null || !RegionCodes.Contains(region))
        {
            throw new InvalidFieldException($"{field}.region_code", "must be an ISO 3166-1 alpha-2 country code such as US or GB.");
        }

        return new PostalAddress(region, postal is null ? null : PostalCode(region, postal, $"{field}.postal_code"), area, city, lines);
    }

    private static string PostalCode(string region, string raw, string field)
    {
        var compact = raw.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (!PostalCodeRules.TryGetValue(region, out var rule))
        {
            return GenericPostalCode().IsMatch(compact)
                ? raw.ToUpperInvariant()
                : throw new InvalidFieldException(field, $"'{EmailAddresses.Shorten(raw)}' is not a postal code.");
        }

        var match = rule.Pattern.Match(compact);
        return match.Success
            ? match.Result(rule.Format).TrimEnd('-')
            : throw new InvalidFieldException(field, $"'{EmailAddresses.Shorten(raw)}' is not a postal code in {region}.");
    }

    [GeneratedRegex(@"^[A-Z0-9\-]{2,10}$")]
    private static partial Regex GenericPostalCode();
}
