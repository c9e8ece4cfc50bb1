using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class PersonalAccountsTests
{
    private static readonly Contact Zelda = new(Guid.CreateVersion7(), "t1", Guid.CreateVersion7(), "Zelda", "Zapruder", "zelda@example.org",
        "+14155550199", null, new Ownership("me", ""), [], 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
        new Dictionary<string, CustomFieldValue>(), null);

    [Theory]
    [InlineData(AccountKind.Consumer, "Zelda Zapruder", false, true)]
    [InlineData(AccountKind.Consumer, "Z. Zapruder", false, true)]
    [InlineData(AccountKind.Household, "The Zapruder household", false, true)]
    [InlineData(AccountKind.Household, "The Zapruder household", true, false)]
    [InlineData(AccountKind.Company, "Zapruder Ltd", false, false)]
    [InlineData(AccountKind.Consumer, "Bob Jones", false, false)]
    public void A_consumer_or_a_household_of_their_own_named_after_the_person_is_the_person(
        AccountKind kind, string name, bool otherMembers, bool expected)
    {
        var account = Account(kind, name, null);

        Assert.Equal(expected, PersonalAccounts.IsNamedAfter(account, Zelda, otherMembers));
    }

    [Fact]
    public void A_consumer_account_with_the_persons_email_is_the_person_whatever_its_name()
    {
        Assert.True(PersonalAccounts.IsNamedAfter(Account(AccountKind.Consumer, "ZZ", "ZELDA@example.org"), Zelda, hasOtherMembers: false));
    }

    private static Account Account(AccountKind kind, string name, string? email) =>
        new(Guid.CreateVersion7(), "t1", kind, name, email, null, null, new Ownership("me", ""), [], RelationshipPhase.Awareness, 1,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, new Dictionary<string, CustomFieldValue>(), null);
}
