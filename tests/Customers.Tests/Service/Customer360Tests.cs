using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;
using static CrmPlatform.Customers.Tests.Service.InteractionData;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class Customer360Tests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task The_360_view_holds_profile_contacts_relationships_timeline_follow_ups_consent_and_phase_history()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Wayne Enterprises", domain: "wayne.com"), rep.Headers);
        var bruce = await _client.CreateContactAsync(TestData.Contact(account, "Bruce", "Wayne"), rep.Headers);
        var lucius = await _client.CreateContactAsync(TestData.Contact(account, "Lucius", "Fox"), rep.Headers);
        var reportsTo = await _client.CreateRelationshipAsync(new Proto.CreateRelationshipRequest
        {
            Relationship = new Proto.Relationship { Type = Proto.RelationshipType.ReportsTo, Contact = lucius.Name, Target = bruce.Name },
        }, rep.Headers);
        await _client.RecordConsentAsync(new Proto.RecordConsentRequest
        {
            Contact = bruce.Name, Purpose = Proto.ConsentPurpose.MarketingEmail, Granted = true, Source = "web form",
        }, rep.Headers);
        var inbound = await _client.RecordInteractionAsync(Interaction(contact: bruce.Name,
            direction: Proto.InteractionDirection.Inbound, purpose: Proto.InteractionPurpose.Information, at: DaysAgo(2)), rep.Headers);
        var call = await _client.RecordInteractionAsync(
            Interaction(contact: lucius.Name, at: DaysAgo(1)).WithFollowUp(DateTimeOffset.UtcNow.AddDays(2), note: "send specs"), rep.Headers);
        var letter = await _client.RecordInteractionAsync(Interaction(account.Name, channel: Proto.InteractionChannel.Letter), rep.Headers);

        var view = await _client.GetCustomer360Async(new Proto.GetCustomer360Request { Account = account.Name }, rep.Headers);

        Assert.Equal(account.Name, view.Account.Name);
        Assert.Equal(Proto.RelationshipPhase.Exploration, view.Account.Phase);
        Assert.Equal([bruce.Name, lucius.Name], view.Contacts.Select(c => c.Name));
        Assert.Equal([reportsTo.Name], view.Relationships.Select(r => r.Name));
        Assert.Equal([letter.Name, call.Name, inbound.Name], view.Timeline.Select(i => i.Name));
        Assert.Equal([call.Name], view.OpenFollowUps.Select(i => i.Name));
        var bruceConsent = view.Consents.Single(c => c.Contact == bruce.Name);
        Assert.Equal(Proto.ConsentPurpose.MarketingEmail, bruceConsent.Current.Single().Purpose);
        Assert.Empty(view.Consents.Single(c => c.Contact == lucius.Name).Current);
        var change = Assert.Single(view.PhaseHistory);
        Assert.Equal((Proto.RelationshipPhase.Awareness, Proto.RelationshipPhase.Exploration, "first inbound interaction"),
            (change.FromPhase, change.ToPhase, change.Reason));
        Assert.Equal(3, view.InteractionCount);
        Assert.Equal(letter.OccurTime, view.LastInteractionTime);
    }

    [Fact]
    public async Task A_contacts_name_gives_its_accounts_view_and_the_timeline_size_is_bounded()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Stark Industries"), rep.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Pepper", "Potts"), rep.Headers);
        for (var i = 0; i < 4; i++)
        {
            await _client.RecordInteractionAsync(Interaction(account.Name, at: DaysAgo(i + 1)), rep.Headers);
        }

        var view = await _client.GetCustomer360Async(new Proto.GetCustomer360Request { Account = contact.Name, TimelineSize = 2 }, rep.Headers);
        var negative = await TestData.FailsAsync(() => _client.GetCustomer360Async(
            new Proto.GetCustomer360Request { Account = account.Name, TimelineSize = -1 }, rep.Headers));

        Assert.Equal(account.Name, view.Account.Name);
        Assert.Equal(2, view.Timeline.Count);
        Assert.Equal(4, view.InteractionCount);
        Assert.Equal(StatusCode.InvalidArgument, negative.StatusCode);
        Assert.StartsWith("timeline_size:", negative.Status.Detail);
    }

    [Fact]
    public async Task Another_tenants_account_has_no_360_view()
    {
        var account = await _client.CreateAccountAsync(TestData.Company("Oscorp"), server.Rep(TestData.NewTenant()).Headers);

        var error = await TestData.FailsAsync(() => _client.GetCustomer360Async(
            new Proto.GetCustomer360Request { Account = account.Name }, server.Admin(TestData.NewTenant()).Headers));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
