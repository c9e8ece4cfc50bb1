using System.Globalization;

namespace CrmPlatform.AppHost.Demo;

/// <summary>
/// Phone numbers reserved for fiction, handed out in turn per country: 555-01xx in North American area codes (US and
/// Canadian), Ofcom's drama ranges in GB (020 7946 0xxx and eleven area codes' 496 0xxx), and the unassigned Berlin
/// block 030 5550 5000–9999 in DE (the curated accounts use 5550 0000–4999). When a country's numbers run out, the
/// rest get none ("").
/// </summary>
public sealed class DemoPhoneBook
{
    private static readonly string[] UnitedStates =
    [
        "201", "202", "203", "205", "206", "207", "208", "210", "212", "213", "214", "215", "216", "217", "218",
        "219", "224", "225", "228", "229", "231", "234", "239", "240", "248", "251", "252", "253", "254", "256",
        "260", "262", "267", "269", "270", "276", "281", "301", "302", "303", "304", "305", "307", "308", "309",
        "310", "312", "313", "314", "315", "316", "317", "318", "319", "320", "321", "323", "325", "330", "331",
    ];

    private static readonly string[] Canada =
        ["416", "437", "647", "905", "289", "365", "604", "778", "236", "250", "514", "438", "450", "579", "613", "343", "403", "587", "780", "825"];

    private static readonly string[] Britain = ["20 7946", "113 496", "114 496", "115 496", "116 496", "117 496", "118 496", "121 496", "131 496", "141 496", "151 496", "161 496"];

    private readonly Dictionary<string, int> _used = new(StringComparer.Ordinal);

    public string Next(string country)
    {
        var n = _used[country] = _used.GetValueOrDefault(country) + 1;
        var i = n - 1;
        return country switch
        {
            "US" when i < UnitedStates.Length * 100 => Format($"+1 {UnitedStates[i / 100]} 555 01{i % 100:D2}"),
            "CA" when i < Canada.Length * 100 => Format($"+1 {Canada[i / 100]} 555 01{i % 100:D2}"),
            "GB" when i < Britain.Length * 1000 => Format($"+44 {Britain[i / 1000]} 0{i % 1000:D3}"),
            "DE" when i < 5000 => Format($"+49 30 5550 {5000 + i}"),
            _ => "",
        };
    }

    private static string Format(FormattableString number) => number.ToString(CultureInfo.InvariantCulture);
}
