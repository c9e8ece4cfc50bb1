using System.Globalization;
using System.Text;
using CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.AppHost.Demo;

/// <summary>
/// Emails, phones and standard consents made from the demo tables: company staff get "given.family@domain", people
/// without a company a mailbox at a free-mail provider; phones are in the ranges reserved for fiction (555-0xxx in North
/// America, 020 7946 0xxx in London) or an unassigned Berlin block, numbered by the account's and contact's positions.
/// </summary>
public static class DemoContactDetails
{
    private static readonly string[] FreeMail = ["gmail.com", "outlook.com", "icloud.com", "yahoo.com"];

    /// <summary>At a free-mail provider, people of generated accounts (past the curated ones) have the account's position in their mailbox.</summary>
    public static string Email(DemoPerson person, string? domain, int accountIndex)
    {
        var mailbox = $"{Mailbox(person.GivenName)}.{Mailbox(person.FamilyName)}";
        return domain is not null ? $"{mailbox}@{domain}"
            : accountIndex < DemoAccounts.All.Count ? $"{mailbox}@{FreeMail[accountIndex % FreeMail.Length]}"
            : string.Create(CultureInfo.InvariantCulture, $"{mailbox}{accountIndex}@{FreeMail[accountIndex % FreeMail.Length]}");
    }

    /// <summary>The account's own address: info@ for a company, the first person's mailbox otherwise.</summary>
    public static string AccountEmail(DemoAccount account, int accountIndex) =>
        account.Domain is { } domain ? $"info@{domain}" : Email(account.Contacts[0], null, accountIndex);

    /// <summary>A phone in the account's country; <paramref name="contactIndex"/> -1 is the account's switchboard.</summary>
    public static string Phone(string country, int accountIndex, int contactIndex)
    {
        var number = string.Create(CultureInfo.InvariantCulture, $"{accountIndex:D2}{contactIndex + 1:D2}");
        return country switch
        {
            "GB" => $"+44 20 7946 0{number[1..]}",
            "DE" => $"+49 30 5550 {number}",
            "CA" => $"+1 416 555 {number}",
            _ => $"+1 415 555 {number}",
        };
    }

    /// <summary>
    /// What every demo contact has agreed to: marketing email from the web form; company decision makers also phone
    /// calls, people without a company (every other one) SMS and profiling. Account-specific entries follow.
    /// </summary>
    public static IReadOnlyList<DemoConsent> Consents(DemoAccount account, int contactIndex)
    {
        var person = account.Contacts[contactIndex];
        var consents = new List<DemoConsent> { new(ConsentPurpose.MarketingEmail, true, "web form") };
        if (account.Kind == AccountKind.Company && person.DecisionMaker)
        {
            consents.Add(new(ConsentPurpose.Phone, true, "phone call"));
        }

        if (account.Kind != AccountKind.Company && contactIndex % 2 == 0)
        {
            consents.Add(new(ConsentPurpose.Sms, true, "mobile app"));
            consents.Add(new(ConsentPurpose.Profiling, true, "privacy centre"));
        }

        consents.AddRange(account.ExtraConsents.Where(extra => extra.Contact == contactIndex).Select(extra => extra.Consent));
        return consents;
    }

    private static string Mailbox(string name)
    {
        var mailbox = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c))
            {
                mailbox.Append(c);
            }
        }

        return mailbox.ToString();
    }
}
