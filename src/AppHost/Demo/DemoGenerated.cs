using CrmPlatform.Contracts.Customers.V1;
using static CrmPlatform.AppHost.Demo.DemoDataSet;

namespace CrmPlatform.AppHost.Demo;

/// <summary>
/// The bulk of the demo data, after the curated <see cref="DemoAccounts"/>: companies (four in five) and consumers, so
/// that lists, searches, segments and the duplicate scan have a working CRM's volume. Account <c>n</c> is drawn from a
/// random generator seeded with <c>n</c>, so the same size gives the same data on every run. A company has a decision
/// maker and one to six staff reporting to them (unique three-word names, each with its own domain); a consumer is one
/// person with a numbered mailbox at a free-mail provider. The switchboard and the first contact have fictional phone
/// numbers (<see cref="DemoPhoneBook"/>), other staff none. Owners follow size (enterprise or smb team; consumers the
/// consumer team), stories follow a realistic mix. After every hundredth account, if a company, comes its "imported"
/// near-duplicate: a typo in the name, the same email, as a second import would leave it.
/// </summary>
public static class DemoGenerated
{
    public const int DefaultCount = 5000;

    /// <summary>Every company name is different up to 32,000.</summary>
    public const int MaxCount = 30000;

    private static readonly string[] First =
    [
        "Silver", "Northern", "Blue", "Granite", "Summit", "Pacific", "Atlantic", "Evergreen", "Maple", "Cedar",
        "Harbor", "River", "Golden", "Iron", "Crystal", "Prairie", "Lakeside", "Highland", "Coastal", "Sterling",
        "Union", "Pioneer", "Liberty", "Keystone", "Bright", "Clearwater", "Swift", "Oak", "Pine", "Willow",
        "Falcon", "Eagle", "Beacon", "Crescent", "Meridian", "Horizon", "Copper", "Alder", "Redwood", "Juniper",
    ];

    private static readonly string[] Second =
    [
        "Creek", "Ridge", "Valley", "Point", "Bay", "Field", "Stone", "Brook", "Gate", "Hill",
        "Lake", "Park", "Port", "Rock", "Wood", "Bridge", "Haven", "Crest", "Glen", "Shore",
    ];

    private static readonly (string Word, string Industry)[] Trades =
    [
        ("Analytics", "Software"), ("Logistics", "Logistics"), ("Foods", "Retail"), ("Health", "Healthcare"),
        ("Systems", "Software"), ("Energy", "Energy"), ("Textiles", "Manufacturing"), ("Robotics", "Manufacturing"),
        ("Capital", "Financial services"), ("Apparel", "Retail"), ("Motors", "Manufacturing"), ("Pharma", "Healthcare"),
        ("Software", "Software"), ("Networks", "Software"), ("Hotels", "Hospitality"), ("Farms", "Retail"),
        ("Builders", "Manufacturing"), ("Labs", "Healthcare"), ("Outfitters", "Retail"), ("Brewing", "Hospitality"),
        ("Dental", "Healthcare"), ("Insurance", "Financial services"), ("Resorts", "Hospitality"), ("Aviation", "Logistics"),
        ("Marine", "Logistics"), ("Steel", "Manufacturing"), ("Plastics", "Manufacturing"), ("Printing", "Manufacturing"),
        ("Security", "Software"), ("Consulting", "Financial services"), ("Telecom", "Software"), ("Furniture", "Retail"),
        ("Optics", "Healthcare"), ("Cosmetics", "Retail"), ("Tools", "Manufacturing"), ("Freight", "Logistics"),
        ("Clinics", "Healthcare"), ("Academy", "Education"), ("Solar", "Energy"), ("Learning", "Education"),
    ];

    private static readonly string[] Suffixes = ["Ltd", "Inc", "Group", "Partners", "LLC"];

    private static readonly string[] GivenNames =
    [
        "James", "Mary", "Ahmed", "Olivia", "Wei", "Sofia", "Lucas", "Amara", "Ethan", "Isabella", "Mateo", "Chloe",
        "Hiroshi", "Fatima", "Noah", "Ingrid", "Rahul", "Grace", "Omar", "Lena", "Diego", "Aisha", "Tomasz", "Emma",
        "Kwame", "Nora", "Felix", "Yara", "Samuel", "Mei", "Jonas", "Priya", "Victor", "Elena", "Arjun", "Hannah",
    ];

    private static readonly string[] FamilyNames =
    [
        "Smith", "Garcia", "Müller", "Nguyen", "Okafor", "Rossi", "Kowalski", "Johansson", "Tanaka", "Patel",
        "Dubois", "Silva", "O'Brien", "Novak", "Khan", "Schmidt", "Andersen", "Costa", "Fischer", "Walker",
        "Moreau", "Haddad", "Murphy", "Ivanova", "Lindqvist", "Mensah", "Romero", "Becker", "Chen", "Wright",
        "Hughes", "Jansen", "Kumar", "Lopez", "Sato", "Weber",
    ];

    private static readonly string[] Leaders = ["CEO", "Managing director", "Head of procurement", "COO", "CIO", "Owner"];

    private static readonly string[] Roles =
    [
        "Buyer", "Procurement lead", "IT manager", "Finance manager", "Operations lead", "Office manager",
        "Solutions architect", "Marketing manager", "Accounts payable", "Project manager", "Facilities manager",
    ];

    private static readonly string[] Occupations = ["Teacher", "Nurse", "Engineer", "Designer", "Student", "Chef", "Lawyer", "Retired"];

    private static readonly DemoAddress[] Places =
    [
        new("US", "10001", "NY", "New York", "W 34th St"), new("US", "94107", "CA", "San Francisco", "Townsend St"),
        new("US", "60606", "IL", "Chicago", "W Adams St"), new("US", "78701", "TX", "Austin", "Congress Ave"),
        new("US", "98104", "WA", "Seattle", "2nd Ave"), new("US", "30303", "GA", "Atlanta", "Peachtree St NE"),
        new("US", "02110", "MA", "Boston", "Atlantic Ave"), new("US", "80202", "CO", "Denver", "17th St"),
        new("GB", "EC2A 4BX", "London", "London", "Worship St"), new("GB", "M2 3WQ", "Greater Manchester", "Manchester", "Deansgate"),
        new("GB", "EH2 2AD", "Edinburgh", "Edinburgh", "George St"), new("DE", "10117", "Berlin", "Berlin", "Leipziger Straße"),
        new("DE", "20095", "Hamburg", "Hamburg", "Mönckebergstraße"), new("DE", "80331", "Bayern", "München", "Sendlinger Straße"),
        new("CA", "M5H 2N2", "ON", "Toronto", "King St W"), new("CA", "V6C 1T2", "BC", "Vancouver", "W Georgia St"),
    ];

    private static readonly (DemoStory Story, int Weight)[] Stories =
    [
        (DemoStory.Prospect, 25), (DemoStory.Exploring, 25), (DemoStory.FirstPurchase, 20),
        (DemoStory.Loyal, 15), (DemoStory.Cancelled, 7), (DemoStory.Lapsed, 8),
    ];

    private static readonly ContactChannel[] Channels =
        [ContactChannel.Email, ContactChannel.Email, ContactChannel.Phone, ContactChannel.Meeting, ContactChannel.Chat];

    /// <summary>The first <paramref name="count"/> generated accounts, each hundredth followed by its near-duplicate.</summary>
    public static IReadOnlyList<DemoAccount> Accounts(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        var accounts = new List<DemoAccount>(count + count / 100);
        var phones = new DemoPhoneBook();
        for (var n = 0; n < count; n++)
        {
            var account = Account(n);
            var country = account.Address.Country;
            account = account with { Phones = [phones.Next(country), phones.Next(country)] };
            accounts.Add(account);
            if (n % 100 == 99 && account.Kind == AccountKind.Company)
            {
                accounts.Add(Twin(account));
            }
        }

        return accounts;
    }

    private static DemoAccount Account(int n)
    {
        var random = new Random(n);
        var key = $"gen-{n:D5}";
        var place = Places[random.Next(Places.Length)];
        var address = place with { Street = $"{random.Next(1, 900)} {place.Street}" };
        var story = Pick(random, Stories);
        if (random.Next(5) == 0)
        {
            var person = new DemoPerson(Pick(random, GivenNames), Pick(random, FamilyNames), Pick(random, Occupations), PreferredChannel: Pick(random, Channels));
            return new DemoAccount(key, AccountKind.Consumer, $"{person.GivenName} {person.FamilyName}", Grace, null, address, story, [person])
            {
                Tags = random.Next(3) == 0 ? ["newsletter"] : [],
            };
        }

        var (trade, industry) = Trades[n / First.Length % Trades.Length];
        var words = $"{First[n % First.Length]} {Second[n / (First.Length * Trades.Length) % Second.Length]} {trade}";
        var revenue = Math.Round(Math.Pow(10, 3 + random.NextDouble() * 3)) * 1000;
        var owner = revenue >= 100e6 ? Pick(random, [Ben, Chloe, Ava]) : Pick(random, [Diego, Emma]);
        return new DemoAccount(key, AccountKind.Company, $"{words} {Pick(random, Suffixes)}", owner, DomainOf(words), address, story, Staff(random))
        {
            Industry = industry,
            AnnualRevenue = revenue,
            Employees = Math.Max(5, Math.Round(revenue / 180_000)),
            Tags = random.Next(10) == 0 ? ["trade-show-2026"] : [],
        };
    }

    /// <summary>The same company entered again: two letters of the name swapped, the same email, phone and decision maker.</summary>
    private static DemoAccount Twin(DemoAccount original)
    {
        var name = original.DisplayName.ToCharArray();
        var at = original.DisplayName.IndexOf(' ', StringComparison.Ordinal) + 2;
        (name[at], name[at + 1]) = (name[at + 1], name[at]);
        return original with
        {
            Key = original.Key + "-twin",
            DisplayName = new string(name),
            Contacts = [original.Contacts[0]],
            Tags = ["imported"],
        };
    }

    /// <summary>A decision maker and one to six staff reporting to them, no two with the same given name.</summary>
    private static DemoPerson[] Staff(Random random)
    {
        var given = GivenNames.OrderBy(_ => random.Next()).Take(1 + random.Next(1, 7)).ToArray();
        return
        [
            new(given[0], Pick(random, FamilyNames), Pick(random, Leaders), PreferredChannel: ContactChannel.Meeting, DecisionMaker: true),
            .. given[1..].Select(name => new DemoPerson(name, Pick(random, FamilyNames), Pick(random, Roles), ReportsTo: 0, PreferredChannel: Pick(random, Channels))),
        ];
    }

    private static string DomainOf(string words) =>
        new string([.. words.ToLowerInvariant().Where(char.IsAsciiLetterLower)]) + ".example";

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static DemoStory Pick(Random random, IReadOnlyList<(DemoStory Story, int Weight)> weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (story, weight) in weighted)
        {
            if ((roll -= weight) < 0)
            {
                return story;
            }
        }

        return weighted[^1].Story;
    }
}
