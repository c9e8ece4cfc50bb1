using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class SharedDetailsTests
{
    private static readonly PartyProfile NewRecord = PartyProfile.Of("M. Garcia", "None@Placeholder.com", "+12025550100", null);

    [Fact]
    public void Details_that_twenty_records_hold_still_count()
    {
        var holders = Holders(SharedDetails.MaxHolders, "none@placeholder.com", "+12025550100");

        Assert.Equal(NewRecord, SharedDetails.Among(holders).Without(NewRecord));
    }

    [Fact]
    public void An_email_or_phone_that_more_than_twenty_records_hold_is_dropped_and_the_company_domain_kept()
    {
        var emailHolders = Holders(SharedDetails.MaxHolders + 1, "NONE@placeholder.com", "+12125550142");
        var phoneHolders = Holders(SharedDetails.MaxHolders + 1, null, "+12025550100");

        var withoutEmail = SharedDetails.Among(emailHolders).Without(NewRecord);
        var withoutPhone = SharedDetails.Among(phoneHolders).Without(NewRecord);

        Assert.Equal((null, "+12025550100", "placeholder.com"), (withoutEmail.Email, withoutEmail.Phone, withoutEmail.CompanyDomain));
        Assert.Equal(("None@Placeholder.com", null), (withoutPhone.Email, withoutPhone.Phone));
    }

    [Fact]
    public void A_placeholder_phone_no_longer_makes_a_probable_duplicate_of_a_similar_name()
    {
        var maria = PartyProfile.Of("Maria Garcia", null, "+12025550100", null);
        var candidate = PartyProfile.Of("M. Garcia", null, "+12025550100", null);
        var shared = new SharedDetails(new HashSet<string>(), new HashSet<string> { "+12025550100" });

        var before = DuplicateScorer.Score(candidate, maria);
        var after = DuplicateScorer.Score(shared.Without(candidate), maria);

        Assert.True(before.IsProbable, $"score {before.Score}");
        Assert.False(after.IsPossible, $"score {after.Score}");
    }

    private static List<PartyProfile> Holders(int count, string? email, string phone) =>
        Enumerable.Range(1, count).Select(i => PartyProfile.Of($"Imported Customer {i}", email, phone, null)).ToList();
}
