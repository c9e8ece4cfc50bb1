using CrmPlatform.Contracts.Events;
using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class ConsentTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task A_withdrawal_takes_effect_at_once_and_is_published_with_the_ledger_kept()
    {
        var tenant = TestData.NewTenant();
        var marketer = server.User(tenant, "marketer-1", ["marketer"]);
        var agent = server.User(tenant, "agent-1", ["service_agent"]);
        var contact = await CreateContactAsync(server.Rep(tenant));
        var id = Guid.Parse(contact.Name["contacts/".Length..]);

        await _client.RecordConsentAsync(Consent(contact, Proto.ConsentPurpose.MarketingEmail, true, "web form"), marketer.Headers);
        await _client.RecordConsentAsync(Consent(contact, Proto.ConsentPurpose.Sms, true, "web form"), marketer.Headers);
        await _client.RecordConsentAsync(Consent(contact, Proto.ConsentPurpose.MarketingEmail, false, "phone call"), agent.Headers);
        var consents = await _client.ListConsentsAsync(new Proto.ListConsentsRequest { Contact = contact.Name }, marketer.Headers);

        Assert.Equal(
            [(Proto.ConsentPurpose.MarketingEmail, false, "phone call"), (Proto.ConsentPurpose.Sms, true, "web form")],
            consents.Current.Select(c => (c.Purpose, c.Granted, c.Source)));
        Assert.Equal(3, consents.Ledger.Count);
        Assert.Equal("agent-1", consents.Current[0].RecordedBy);
        var withdrawal = await server.Events.WaitForAsync<ConsentChanged>(e => e.ContactId == id && !e.Granted);
        Assert.Equal(("MarketingEmail", "agent-1"), (withdrawal.Purpose, withdrawal.RecordedBy));
    }

    [Fact]
    public async Task Consent_is_recorded_only_by_allowed_roles_within_the_tenant_and_with_a_purpose_and_source()
    {
        var tenant = TestData.NewTenant();
        var contact = await CreateContactAsync(server.Rep(tenant));

        var byAnalyst = await TestData.FailsAsync(() => _client.RecordConsentAsync(
            Consent(contact, Proto.ConsentPurpose.Phone, true, "call"), server.User(tenant, "analyst-1", ["analyst"]).Headers));
        var byOtherTeamsRep = await TestData.FailsAsync(() => _client.RecordConsentAsync(
            Consent(contact, Proto.ConsentPurpose.Phone, true, "call"), server.Rep(tenant, "rep-9", "south").Headers));
        var fromOtherTenant = await TestData.FailsAsync(() => _client.RecordConsentAsync(
            Consent(contact, Proto.ConsentPurpose.Phone, true, "call"), server.Admin(TestData.NewTenant()).Headers));
        var noSource = await TestData.FailsAsync(() => _client.RecordConsentAsync(
            Consent(contact, Proto.ConsentPurpose.Phone, true, " "), server.Admin(tenant).Headers));
        var noPurpose = await TestData.FailsAsync(() => _client.RecordConsentAsync(
            Consent(contact, Proto.ConsentPurpose.Unspecified, true, "call"), server.Admin(tenant).Headers));

        Assert.Equal(StatusCode.PermissionDenied, byAnalyst.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, byOtherTeamsRep.StatusCode);
        Assert.Equal(StatusCode.NotFound, fromOtherTenant.StatusCode);
        Assert.StartsWith("source:", noSource.Status.Detail);
        Assert.StartsWith("purpose:", noPurpose.Status.Detail);
        Assert.Empty((await _client.ListConsentsAsync(new Proto.ListConsentsRequest { Contact = contact.Name }, server.Admin(tenant).Headers)).Ledger);
    }

    private async Task<Proto.Contact> CreateContactAsync(TestUser rep)
    {
        var account = await _client.CreateAccountAsync(TestData.Consumer("Consent Household " + Guid.NewGuid().ToString("N")[..6]), rep.Headers);
        return await _client.CreateContactAsync(TestData.Contact(account, "Connie", "Sent"), rep.Headers);
    }

    private static Proto.RecordConsentRequest Consent(Proto.Contact contact, Proto.ConsentPurpose purpose, bool granted, string source) => new()
    {
        Contact = contact.Name,
        Purpose = purpose,
        Granted = granted,
        Source = source,
    };
}
