namespace CrmPlatform.Customers.Domain;

/// <summary>
/// ITU-T E.164 country calling codes. They are prefix-free: 1 and 7 are the one-digit codes, the two-digit codes are
/// listed, and every other assigned code has three digits under one of the listed two-digit zones.
/// </summary>
internal static class CallingCodes
{
    private static readonly HashSet<string> TwoDigit =
    [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
        "86", "90", "91", "92", "93", "94", "95", "98",
    ];

    private static readonly HashSet<string> ThreeDigitZones =
    [
        "21", "22", "23", "24", "25", "26", "29", "35", "37", "38", "42", "50", "59", "67", "68", "69", "80", "85",
        "87", "88", "96", "97", "99",
    ];

    /// <summary>National significant number lengths where they are well known; others get the E.164 bounds.</summary>
    private static readonly Dictionary<string, (int Min, int Max)> NationalLengthsByCode = new()
    {
        ["1"] = (10, 10), ["7"] = (10, 10), ["27"] = (9, 9), ["30"] = (10, 10), ["31"] = (9, 9), ["32"] = (8, 9),
        ["33"] = (9, 9), ["34"] = (9, 9), ["39"] = (6, 11), ["41"] = (9, 9), ["43"] = (4, 13), ["44"] = (9, 10),
        ["45"] = (8, 8), ["46"] = (7, 9), ["47"] = (8, 8), ["48"] = (9, 9), ["49"] = (6, 13), ["52"] = (10, 10),
        ["55"] = (10, 11), ["61"] = (9, 9), ["64"] = (8, 10), ["65"] = (8, 8), ["81"] = (9, 10), ["86"] = (7, 11),
        ["91"] = (10, 10), ["351"] = (9, 9), ["353"] = (7, 9), ["358"] = (5, 12),
    };

    /// <returns>The calling code <paramref name="digits"/> starts with, or null.</returns>
    public static string? Match(string digits)
    {
        if (digits.Length < 2)
        {
            return null;
        }

        if (digits[0] is '1' or '7')
        {
            return digits[..1];
        }

        var zone = digits[..2];
        if (TwoDigit.Contains(zone))
        {
            return zone;
        }

        return ThreeDigitZones.Contains(zone) && digits.Length >= 3 ? digits[..3] : null;
    }

    public static (int Min, int Max) NationalLengths(string callingCode) =>
        NationalLengthsByCode.TryGetValue(callingCode, out var lengths) ? lengths : (4, 15 - callingCode.Length);
}
