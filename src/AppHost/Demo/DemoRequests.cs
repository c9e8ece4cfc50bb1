using CrmPlatform.Contracts.Customers.V1;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.AppHost.Demo;

/// <summary>The Customers API messages for the rows of the demo tables.</summary>
public static class DemoRequests
{
    /// <summary>Time zones by country, and by state where a country spans several.</summary>
    private static readonly Dictionary<string, string> TimeZones = new(StringComparer.Ordinal)
    {
        ["US"] = "America/New_York",
        ["US/CA"] = "America/Los_Angeles",
        ["US/WA"] = "America/Los_Angeles",
        ["US/OR"] = "America/Los_Angeles",
        ["US/TX"] = "America/Chicago",
        ["US/IL"] = "America/Chicago",
        ["US/MN"] = "America/Chicago",
        ["US/TN"] = "America/Chicago",
        ["US/CO"] = "America/Denver",
        ["US/AZ"] = "America/Phoenix",
        ["CA"] = "America/Toronto",
        ["CA/BC"] = "America/Vancouver",
        ["GB"] = "Europe/London",
        ["DE"] = "Europe/Berlin",
    };

    public static Account Account(DemoAccount demo, int index)
    {
        var account = new Account
        {
            Kind = demo.Kind,
            DisplayName = demo.DisplayName,
            Email = DemoContactDetails.AccountEmail(demo, index),
            Phone = demo.Phones?[0] ?? DemoContactDetails.Phone(demo.Address.Country, index, -1),
            Domain = demo.Domain ?? "",
            OwnerUserId = demo.Owner.Id,
            Team = demo.Owner.Team,
            Tags = { demo.Tags },
            Address = Address(demo.Address),
        };
        if (demo.Industry is { } industry)
        {
            account.CustomFields["industry"] = new CustomFieldValue { ChoiceValue = industry };
        }

        if (demo.AnnualRevenue is { } revenue)
        {
            account.CustomFields["annual_revenue"] = new CustomFieldValue { NumberValue = revenue };
        }

        if (demo.Employees is { } employees)
        {
            account.CustomFields["employee_count"] = new CustomFieldValue { NumberValue = employees };
        }

        return account;
    }

    /// <summary>A contact of the account; people without a company share the account's postal address.</summary>
    public static Contact Contact(DemoAccount demo, int index, int contactIndex, string accountName)
    {
        var person = demo.Contacts[contactIndex];
        var contact = new Contact
        {
            Account = accountName,
            GivenName = person.GivenName,
            FamilyName = person.FamilyName,
            Email = DemoContactDetails.Email(person, demo.Domain, index),
            Phone = demo.Phones is { } phones ? (contactIndex == 0 ? phones[1] : "") : DemoContactDetails.Phone(demo.Address.Country, index, contactIndex),
            JobTitle = person.JobTitle,
            OwnerUserId = demo.Owner.Id,
            Team = demo.Owner.Team,
            PreferredChannel = person.PreferredChannel,
            CustomFields = { ["decision_maker"] = new CustomFieldValue { BoolValue = person.DecisionMaker } },
        };
        if (demo.Kind != AccountKind.Company)
        {
            contact.Address = Address(demo.Address);
        }

        if (person.DecisionMaker)
        {
            contact.ContactTimes = new ContactTimes
            {
                TimeZone = TimeZones.GetValueOrDefault($"{demo.Address.Country}/{demo.Address.Area}") ?? TimeZones[demo.Address.Country],
                Windows =
                {
                    new ContactWindow { DayOfWeek = 2, StartTime = "09:00", EndTime = "11:30" },
                    new ContactWindow { DayOfWeek = 4, StartTime = "14:00", EndTime = "16:00" },
                },
            };
        }

        return contact;
    }

    /// <summary>The contact's reports-to, works-for and household-member relationships.</summary>
    public static IEnumerable<Relationship> Relationships(SeededAccount account, int contactIndex, IReadOnlyDictionary<string, SeededAccount> byKey)
    {
        var person = account.Demo.Contacts[contactIndex];
        var contact = account.Contacts[contactIndex].Name;
        if (person.ReportsTo is { } manager)
        {
            yield return new Relationship { Type = RelationshipType.ReportsTo, Contact = contact, Target = account.Contacts[manager].Name };
        }

        if (person.WorksFor is { } company)
        {
            yield return new Relationship { Type = RelationshipType.WorksFor, Contact = contact, Target = byKey[company].Account.Name, Description = person.JobTitle };
        }

        if (person.MemberOf is { } household)
        {
            yield return new Relationship { Type = RelationshipType.HouseholdMember, Contact = contact, Target = byKey[household].Account.Name };
        }
    }

    /// <summary>
    /// The step's interaction: it happened <see cref="DemoStep.DaysAgo"/> days before <paramref name="today"/> during
    /// office hours, and its follow-up is due at 17:00 <see cref="DemoFollowUp.DueInDays"/> days from today.
    /// </summary>
    public static Interaction Interaction(SeededAccount account, DemoStep step, int stepIndex, DateTimeOffset today)
    {
        var interaction = new Interaction
        {
            Account = account.Account.Name,
            Contact = step.Contact is { } c ? account.Contacts[c % account.Contacts.Count].Name : "",
            Channel = step.Channel,
            TouchpointType = step.Touchpoint,
            TouchpointOwner = step.TouchpointOwner,
            Direction = step.Direction,
            Purpose = step.Purpose,
            Outcome = step.Outcome,
            Subject = step.Subject,
            OccurTime = Timestamp.FromDateTimeOffset(today.AddDays(-step.DaysAgo).AddHours(9 + (account.Index + stepIndex) % 8)),
        };
        if (step.FollowUp is { } followUp)
        {
            interaction.FollowUp = new FollowUp { DueTime = Timestamp.FromDateTimeOffset(today.AddDays(followUp.DueInDays).AddHours(17)), Note = followUp.Note };
        }

        return interaction;
    }

    private static PostalAddress Address(DemoAddress address) =>
        new()
        {
            RegionCode = address.Country,
            PostalCode = address.PostalCode,
            AdministrativeArea = address.Area,
            Locality = address.City,
            AddressLines = { address.Street },
        };
}
