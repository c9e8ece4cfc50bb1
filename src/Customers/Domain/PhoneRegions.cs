namespace CrmPlatform.Customers.Domain;

/// <summary>How a country writes national numbers: its calling code, trunk prefix and international dialling prefix.</summary>
public sealed record PhoneRegion(string IsoCode, string CallingCode, string TrunkPrefix, string InternationalPrefix);

/// <summary>The regions a service can use as its default for national numbers.</summary>
public static class PhoneRegions
{
    public static readonly IReadOnlyDictionary<string, PhoneRegion> ByIsoCode = new PhoneRegion[]
    {
        new("US", "1", "1", "011"), new("CA", "1", "1", "011"), new("GB", "44", "0", "00"), new("IE", "353", "0", "00"),
        new("DE", "49", "0", "00"), new("AT", "43", "0", "00"), new("CH", "41", "0", "00"), new("FR", "33", "0", "00"),
        new("NL", "31", "0", "00"), new("BE", "32", "0", "00"), new("ES", "34", "", "00"), new("IT", "39", "", "00"),
        new("PT", "351", "", "00"), new("SE", "46", "0", "00"), new("DK", "45", "", "00"), new("NO", "47", "", "00"),
        new("FI", "358", "0", "00"), new("PL", "48", "", "00"), new("AU", "61", "0", "0011"), new("NZ", "64", "0", "00"),
        new("ZA", "27", "0", "00"), new("IN", "91", "0", "00"), new("JP", "81", "0", "010"), new("SG", "65", "", "000"),
        new("BR", "55", "0", "00"), new("MX", "52", "", "00"),
    }.ToDictionary(r => r.IsoCode, StringComparer.Ordinal);
}
