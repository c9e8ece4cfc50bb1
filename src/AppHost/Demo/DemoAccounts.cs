using CrmPlatform.Contracts.Customers.V1;
using static CrmPlatform.AppHost.Demo.DemoDataSet;

namespace CrmPlatform.AppHost.Demo;

/// <summary>
/// The 40 demo accounts: companies (with staff reporting to the first contact), consumers and two households, each with
/// an owner, a story of interactions and, for several, commitment survey answers. Contact emails and phones are made
/// from names, the domain and the account's position (<see cref="DemoContactDetails"/>). "Blue Harbour Logistics" is a
/// deliberate near-duplicate of "Blue Harbor Logistics" for the duplicate scan.
/// </summary>
public static class DemoAccounts
{
    public static readonly IReadOnlyList<DemoAccount> All =
    [
        Company("northwind", "Northwind Traders", "northwind.example", Ben, "Retail", 240e6, 1200,
            new("US", "94105", "CA", "San Francisco", "500 Howard St"), DemoStory.Loyal,
            Boss("Maria", "Lopez", "VP Procurement"), Staff("Tom", "Becker", "Procurement lead"), Staff("Aisha", "Khan", "Accounts payable", reportsTo: 1))
            with { Tags = ["key-account"], Commitment = Entrenched },
        Company("contoso-pharma", "Contoso Pharma", "contoso-pharma.example", Ava, "Healthcare", 890e6, 5400,
            new("US", "02110", "MA", "Boston", "100 Federal St"), DemoStory.Loyal,
            Boss("Robert", "Chen", "CIO"), Staff("Lena", "Fischer", "IT procurement manager"), Staff("Samuel", "Adeyemi", "Solutions architect", reportsTo: 1))
            with { Commitment = Average },
        Company("fabrikam", "Fabrikam Manufacturing", "fabrikam.example", Chloe, "Manufacturing", 75e6, 600,
            new("US", "48226", "MI", "Detroit", "1 Woodward Ave"), DemoStory.FirstPurchase,
            Boss("Olivia", "Brown", "COO"), Staff("Marcus", "Lee", "Plant manager"), Staff("Julia", "Novak", "Buyer"))
            with { Commitment = Shallow },
        Company("adventure-works", "Adventure Works Cycles", "adventure-works.example", Diego, "Retail", 18e6, 140,
            new("US", "98101", "WA", "Seattle", "1420 5th Ave"), DemoStory.Exploring,
            Boss("Noah", "Williams", "Owner"), Staff("Emily", "Davis", "Store manager"))
            with { Tags = ["trade-show-2026"], Commitment = Ambivalent },
        Company("tailspin", "Tailspin Toys", "tailspin.example", Diego, "Retail", 9.5e6, 60,
            new("US", "97204", "OR", "Portland", "808 SW 3rd Ave"), DemoStory.Exploring,
            Boss("Sophie", "Martin", "Founder"), Staff("Lucas", "Garcia", "Operations lead"))
            with { Commitment = Available },
        Company("wide-world", "Wide World Importers", "wideworld.example", Ben, "Logistics", 320e6, 2100,
            new("US", "07102", "NJ", "Newark", "1 Gateway Center"), DemoStory.Loyal,
            Boss("James", "Wilson", "Head of logistics"), Staff("Priya", "Raman", "Supply chain analyst"), Staff("Daniel", "Park", "Customs specialist"),
            Staff("Hannah", "Schmidt", "Fleet manager"))
            with { Tags = ["key-account"] },
        Company("litware", "Litware Inc.", "litware.example", Chloe, "Software", 42e6, 310,
            new("US", "78701", "TX", "Austin", "301 Congress Ave"), DemoStory.FirstPurchase,
            Boss("Kevin", "Nguyen", "CTO"), Staff("Rachel", "Cohen", "Engineering manager"), Staff("Omar", "Haddad", "DevOps lead", reportsTo: 1)),
        Company("proseware", "Proseware Ltd", "proseware.example", Ava, "Software", 130e6, 900,
            new("GB", "EC2A 4NE", "London", "London", "1 Finsbury Ave"), DemoStory.Exploring,
            Boss("Charlotte", "Evans", "Head of IT"), Staff("Oliver", "Hughes", "Procurement officer"), Staff("Amelia", "Clarke", "IT architect"))
            with { Tags = ["trade-show-2026"] },
        Company("blue-yonder", "Blue Yonder Airlines", "blueyonder.example", Ben, "Hospitality", 1.2e9, 8000,
            new("US", "75201", "TX", "Dallas", "2100 Ross Ave"), DemoStory.Cancelled,
            Boss("William", "Taylor", "VP Customer experience"), Staff("Grace", "Kim", "Loyalty programme manager"), Staff("Ethan", "Moore", "Partnerships"))
            with { Tags = ["at-risk"], Commitment = Convertible },
        Company("coho-winery", "Coho Winery", "cohowinery.example", Emma, "Hospitality", 6e6, 45,
            new("US", "94559", "CA", "Napa", "1200 Main St"), DemoStory.Loyal,
            Boss("Isabella", "Rossi", "Owner"), Staff("Matteo", "Bianchi", "Sales director")),
        Company("alpine-ski", "Alpine Ski House", "alpineskihouse.example", Emma, "Hospitality", 12e6, 80,
            new("CA", "V8E 0X9", "BC", "Whistler", "4050 Whistler Way"), DemoStory.Prospect,
            Boss("Liam", "Tremblay", "General manager"), Staff("Zoe", "Gagnon", "Marketing coordinator"))
            with { Commitment = WeaklyUnavailable },
        Company("fourth-coffee", "Fourth Coffee", "fourthcoffee.example", Diego, "Retail", 22e6, 190,
            new("US", "60601", "IL", "Chicago", "233 N Michigan Ave"), DemoStory.FirstPurchase,
            Boss("Mia", "Johnson", "Head of purchasing"), Staff("Benjamin", "Clark", "Category manager")),
        Company("margies-travel", "Margie's Travel", "margiestravel.example", Emma, "Hospitality", 4e6, 25,
            new("US", "33131", "FL", "Miami", "801 Brickell Ave"), DemoStory.Lapsed,
            Boss("Margaret", "Ortiz", "Owner"), Staff("Victor", "Ramos", "Travel consultant"))
            with { Commitment = StronglyUnavailable },
        Company("lamna", "Lamna Healthcare", "lamna.example", Ava, "Healthcare", 510e6, 3200,
            new("US", "55402", "MN", "Minneapolis", "80 S 8th St"), DemoStory.Loyal,
            Boss("Susan", "Meyer", "Chief medical information officer"), Staff("Ahmed", "Saleh", "Procurement director"), Staff("Kate", "Sullivan", "Clinical systems lead"))
            with { Tags = ["key-account"] },
        Company("trey-research", "Trey Research", "treyresearch.example", Chloe, "Healthcare", 35e6, 220,
            new("US", "27701", "NC", "Durham", "300 W Morgan St"), DemoStory.Exploring,
            Boss("Nathan", "Brooks", "Research director"), Staff("Yuki", "Tanaka", "Lab manager"))
            with { ExtraConsents = [(1, new DemoConsent(ConsentPurpose.Profiling, false, "privacy centre"))] },
        Company("woodgrove", "Woodgrove Bank", "woodgrove.example", Ava, "Financial services", 2.4e9, 12000,
            new("US", "10005", "NY", "New York", "40 Wall St"), DemoStory.FirstPurchase,
            Boss("Elizabeth", "Grant", "Head of digital channels"), Staff("Michael", "O'Brien", "Vendor manager"), Staff("Fatima", "Zahra", "Security architect"),
            Staff("Paul", "Dubois", "Branch operations", reportsTo: 1))
            with { Tags = ["key-account"] },
        Company("relecloud", "Relecloud", "relecloud.example", Ben, "Software", 60e6, 400,
            new("US", "80202", "CO", "Denver", "1700 Lincoln St"), DemoStory.Cancelled,
            Boss("Chris", "Anderson", "VP Engineering"), Staff("Laura", "Petrov", "Product manager"))
            with { Tags = ["at-risk"] },
        Company("humongous", "Humongous Insurance", "humongous.example", Emma, "Financial services", 780e6, 4100,
            new("US", "06103", "CT", "Hartford", "1 State St"), DemoStory.Prospect,
            Boss("George", "Mitchell", "CFO"), Staff("Nina", "Lindqvist", "Procurement manager")),
        Company("graphic-design", "Graphic Design Institute", "graphicdesign.example", Diego, "Education", 8e6, 70,
            new("US", "02215", "MA", "Boston", "621 Huntington Ave"), DemoStory.Prospect,
            Boss("Felix", "Wagner", "Dean"), Staff("Ruth", "Bailey", "Campus IT lead")),
        Company("southridge", "Southridge Video", "southridge.example", Diego, "Retail", 3e6, 20,
            new("US", "90012", "CA", "Los Angeles", "200 N Spring St"), DemoStory.Lapsed,
            Boss("Ryan", "Cooper", "Owner")),
        Company("city-power", "City Power & Light", "citypower.example", Ava, "Energy", 3.1e9, 9000,
            new("US", "30303", "GA", "Atlanta", "55 Park Pl NE"), DemoStory.Exploring,
            Boss("Angela", "White", "VP Operations"), Staff("Jorge", "Alvarez", "Grid engineering lead"), Staff("Sarah", "Thompson", "Procurement analyst"))
            with { Tags = ["key-account"] },
        Company("nod-publishers", "Nod Publishers", "nodpublishers.example", Emma, "Education", 16e6, 110,
            new("US", "10010", "NY", "New York", "175 5th Ave"), DemoStory.FirstPurchase,
            Boss("Eleanor", "Price", "Publisher"), Staff("Tim", "Walsh", "Production manager")),
        Company("adatum", "A. Datum Corporation", "adatum.example", Chloe, "Software", 150e6, 1100,
            new("DE", "10117", "Berlin", "Berlin", "Friedrichstraße 68"), DemoStory.Loyal,
            Boss("Klaus", "Weber", "Head of IT"), Staff("Anna", "Schneider", "Procurement"), Staff("Jonas", "Wolf", "Systems engineer", reportsTo: 1)),
        Company("consolidated-messenger", "Consolidated Messenger", "consolidatedmessenger.example", Ben, "Logistics", 95e6, 750,
            new("US", "38103", "TN", "Memphis", "100 Peabody Pl"), DemoStory.Cancelled,
            Boss("Derek", "Hall", "Operations director"), Staff("Monica", "Reyes", "Dispatch lead")),
        Company("bellows-college", "Bellows College", "bellows.example", Emma, "Education", 55e6, 600,
            new("GB", "M1 1AE", "Greater Manchester", "Manchester", "1 Piccadilly Gardens"), DemoStory.Exploring,
            Boss("Harriet", "Lewis", "Head of procurement"), Staff("Callum", "Scott", "IT services manager"))
            with { Tags = ["trade-show-2026"] },
        Company("wingtip", "Wingtip Toys", "wingtiptoys.example", Diego, "Retail", 14e6, 90,
            new("CA", "M5V 3L9", "ON", "Toronto", "301 Front St W"), DemoStory.Prospect,
            Boss("Owen", "Campbell", "Purchasing manager"), Staff("Ella", "Roy", "Buyer")),
        Company("blue-harbor", "Blue Harbor Logistics", "blueharbor.example", Ben, "Logistics", 48e6, 380,
            new("US", "21202", "MD", "Baltimore", "100 Light St"), DemoStory.Exploring,
            Boss("Jon", "Smith", "Fleet director"), Staff("Megan", "Ward", "Logistics coordinator")),
        Company("blue-harbour", "Blue Harbour Logistics", "blueharbor.example", Diego, "Logistics", 48e6, 380,
            new("US", "21202", "MD", "Baltimore", "100 Light Street"), DemoStory.Prospect,
            Boss("John", "Smith", "Fleet director"))
            with { Tags = ["imported"] },

        Consumer("emily-carter", new("Emily", "Carter", "Nurse", WorksFor: "lamna", PreferredChannel: ContactChannel.Email),
            new("US", "60614", "IL", "Chicago", "2100 N Lincoln Ave"), DemoStory.Loyal) with { Commitment = Average },
        Consumer("daniel-murphy", new("Daniel", "Murphy", "Pharmacist", WorksFor: "contoso-pharma", PreferredChannel: ContactChannel.Phone),
            new("US", "02116", "MA", "Boston", "350 Boylston St"), DemoStory.FirstPurchase),
        Consumer("sofia-hernandez", new("Sofia", "Hernandez", "Teacher", MemberOf: "garcia-household", PreferredChannel: ContactChannel.Sms),
            new("US", "85004", "AZ", "Phoenix", "2 N Central Ave"), DemoStory.Exploring),
        Consumer("liam-oconnor", new("Liam", "O'Connor", "Architect", PreferredChannel: ContactChannel.Email),
            new("US", "19103", "PA", "Philadelphia", "1500 Market St"), DemoStory.Cancelled)
            with { ExtraConsents = [(0, new DemoConsent(ConsentPurpose.Sms, false, "replied STOP"))] },
        Consumer("amelia-wright", new("Amelia", "Wright", "Graphic designer", PreferredChannel: ContactChannel.Social),
            new("GB", "N1 9GU", "London", "London", "12 Upper St"), DemoStory.Prospect),
        Consumer("hana-nakamura", new("Hana", "Nakamura", "Student", MemberOf: "nakamura-household", PreferredChannel: ContactChannel.Chat),
            new("US", "98109", "WA", "Seattle", "400 Broad St"), DemoStory.Exploring),
        Consumer("jacob-miller", new("Jacob", "Miller", "Electrician"), new("US", "80206", "CO", "Denver", "2800 E 6th Ave"), DemoStory.Lapsed),
        Consumer("zara-ahmed", new("Zara", "Ahmed", "Accountant", PreferredChannel: ContactChannel.Email),
            new("GB", "B1 1BB", "West Midlands", "Birmingham", "1 Victoria Sq"), DemoStory.FirstPurchase)
            with { Commitment = Shallow, ExtraConsents = [(0, new DemoConsent(ConsentPurpose.MarketingEmail, false, "unsubscribe link"))] },
        Consumer("felix-hoffmann", new("Felix", "Hoffmann", "Engineer", PreferredChannel: ContactChannel.Phone),
            new("DE", "80331", "Bayern", "München", "Marienplatz 8"), DemoStory.Loyal) with { Tags = ["newsletter", "vip"] },
        Consumer("priya-patel", new("Priya", "Patel", "Data analyst", WorksFor: "wide-world", PreferredChannel: ContactChannel.Email),
            new("US", "07302", "NJ", "Jersey City", "30 Montgomery St"), DemoStory.Exploring),

        Household("nakamura-household", "Nakamura household", new("US", "98109", "WA", "Seattle", "400 Broad St"), DemoStory.FirstPurchase,
            new("Ken", "Nakamura", "Software engineer", DecisionMaker: true), new("Yumi", "Nakamura", "Physician")),
        Household("garcia-household", "Garcia household", new("US", "85004", "AZ", "Phoenix", "2 N Central Ave"), DemoStory.Loyal,
            new("Carlos", "Garcia", "Restaurant owner", DecisionMaker: true), new("Elena", "Garcia", "Lawyer"), new("Mateo", "Garcia", "Student"))
            with { Tags = ["vip"], Commitment = Entrenched },
    ];

    private static DemoAccount Company(
        string key, string name, string domain, DemoUser owner, string industry, double revenue, double employees,
        DemoAddress address, DemoStory story, params DemoPerson[] staff) =>
        new(key, AccountKind.Company, name, owner, domain, address, story, staff)
        {
            Industry = industry,
            AnnualRevenue = revenue,
            Employees = employees,
        };

    private static DemoAccount Consumer(string key, DemoPerson person, DemoAddress address, DemoStory story) =>
        new(key, AccountKind.Consumer, $"{person.GivenName} {person.FamilyName}", Grace, null, address, story, [person])
        {
            Tags = ["newsletter"],
        };

    private static DemoAccount Household(string key, string name, DemoAddress address, DemoStory story, params DemoPerson[] members) =>
        new(key, AccountKind.Household, name, Grace, null, address, story, members);

    /// <summary>The first contact of a company: the decision maker, whom the others report to.</summary>
    private static DemoPerson Boss(string given, string family, string title) =>
        new(given, family, title, PreferredChannel: ContactChannel.Meeting, DecisionMaker: true);

    private static DemoPerson Staff(string given, string family, string title, int reportsTo = 0) =>
        new(given, family, title, ReportsTo: reportsTo, PreferredChannel: ContactChannel.Email);
}
