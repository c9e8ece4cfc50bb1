using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class PersonalDataExportTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task An_export_streams_the_contact_its_account_relationships_consents_history_and_interactions()
    {
        var tenant = TestData.NewTenant();
        var rep = server.Rep(tenant);
        var acme = await _client.CreateAccountAsync(TestData.Company("Acme"), rep.Headers);
        var household = await _client.CreateAccountAsync(new Proto.CreateAccountRequest
        {
            Account = new Proto.Account { Kind = Proto.AccountKind.Household, DisplayName = "Doe household" },
        }, rep.Headers);
        var jane = await _client.CreateContactAsync(TestData.Contact(acme, "Jane", "Doe", "jane@acme.com"), rep.Headers);
        await _client.CreateRelationshipAsync(new Proto.CreateRelationshipRequest
        {
            Relationship = new Proto.Relationship { Type = Proto.RelationshipType.HouseholdMember, Contact = jane.Name, Target = household.Name },
        }, rep.Headers);
        await _client.RecordConsentAsync(new Proto.RecordConsentRequest
        {
            Contact = jane.Name, Purpose = Proto.ConsentPurpose.Profiling, Granted = true, Source = "web form",
        }, rep.Headers);
        var call = await _client.RecordInteractionAsync(
            InteractionData.Interaction(contact: jane.Name, subject: "Asked about the renewal"), rep.Headers);
        await _client.RecordInteractionAsync(InteractionData.Interaction(account: acme.Name, subject: "Call with the account"), rep.Headers);

        using var export = _client.ExportPersonalData(new Proto.ExportPersonalDataRequest { Contact = jane.Name }, rep.Headers);
        var items = new List<Proto.PersonalDataItem>();
        await foreach (var item in export.ResponseStream.ReadAllAsync())
        {
            items.Add(item);
        }

        Assert.Equal(jane, items[0].Contact);
        Assert.Equal(acme.Name, items[1].Account.Name);
        Assert.Equal(household.Name, Assert.Single(items, i => i.ItemCase == Proto.PersonalDataItem.ItemOneofCase.Relationship).Relationship.Target);
        Assert.Equal(Proto.ConsentPurpose.Profiling, Assert.Single(items, i => i.ItemCase == Proto.PersonalDataItem.ItemOneofCase.Consent).Consent.Purpose);
        Assert.Contains(items, i => i.Change?.Field == "email" && i.Change.NewValue == "jane@acme.com");
        Assert.Equal(call, Assert.Single(items, i => i.ItemCase == Proto.PersonalDataItem.ItemOneofCase.Interaction).Interaction);
    }

    [Fact]
    public async Task Only_callers_who_may_read_the_contact_can_export_it()
    {
        var tenant = TestData.NewTenant();
        var rep = server.Rep(tenant);
        var account = await _client.CreateAccountAsync(TestData.Company("Acme"), rep.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "John", "Roe"), rep.Headers);

        var otherTeam = await ExportFailsAsync(contact, server.Rep(tenant, "rep-9", "south"));
        var otherTenant = await ExportFailsAsync(contact, server.Admin(TestData.NewTenant()));
        var malformed = await ExportFailsAsync(new Proto.Contact { Name = "people/1" }, rep);

        Assert.Equal(StatusCode.PermissionDenied, otherTeam.StatusCode);
        Assert.Equal(StatusCode.NotFound, otherTenant.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
    }

    private async Task<RpcException> ExportFailsAsync(Proto.Contact contact, TestUser user)
    {
        using var export = _client.ExportPersonalData(new Proto.ExportPersonalDataRequest { Contact = contact.Name }, user.Headers);
        return await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in export.ResponseStream.ReadAllAsync())
            {
            }
        });
    }
}
