using CrmPlatform.Contracts.Events;
using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;
using static CrmPlatform.Customers.Tests.Service.InteractionData;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class DeleteContactTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task A_deleted_contact_is_gone_with_its_relationships_but_its_interactions_stay_on_the_account_timeline()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Wonka Industries"), rep.Headers);
        var charlie = await _client.CreateContactAsync(TestData.Contact(account, "Charlie", "Bucket"), rep.Headers);
        var willy = await _client.CreateContactAsync(TestData.Contact(account, "Willy", "Wonka"), rep.Headers);
        await _client.CreateRelationshipAsync(new Proto.CreateRelationshipRequest
        {
            Relationship = new Proto.Relationship { Type = Proto.RelationshipType.ReportsTo, Contact = charlie.Name, Target = willy.Name },
        }, rep.Headers);
        var call = await _client.RecordInteractionAsync(Interaction(contact: charlie.Name), rep.Headers);

        await _client.DeleteContactAsync(new Proto.DeleteContactRequest { Name = charlie.Name, Etag = charlie.Etag }, rep.Headers);

        var get = await TestData.FailsAsync(() => _client.GetContactAsync(new Proto.GetContactRequest { Name = charlie.Name }, rep.Headers));
        Assert.Equal(StatusCode.NotFound, get.StatusCode);
        var contacts = await _client.ListContactsAsync(new Proto.ListContactsRequest { Account = account.Name }, rep.Headers);
        Assert.Equal([willy.Name], contacts.Contacts.Select(c => c.Name));
        Assert.Empty((await _client.ListRelationshipsAsync(new Proto.ListRelationshipsRequest { Parent = willy.Name }, rep.Headers)).Relationships);
        var timeline = await _client.ListInteractionsAsync(new Proto.ListInteractionsRequest { Parent = account.Name }, rep.Headers);
        Assert.Equal([call.Name], timeline.Interactions.Select(i => i.Name));
        Assert.Equal(charlie.Name, timeline.Interactions.Single().Contact);
        var published = await server.Events.WaitForAsync<ContactDeleted>(e => e.ContactId == IdOf(charlie.Name));
        Assert.Equal((IdOf(account.Name), rep.UserId), (published.AccountId, published.DeletedBy));
    }

    [Fact]
    public async Task Deleting_with_a_stale_etag_is_aborted_and_the_contact_stays()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Gringotts"), rep.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Griphook", "Goblin"), rep.Headers);
        await _client.UpdateContactAsync(new Proto.UpdateContactRequest { Contact = new Proto.Contact { Name = contact.Name, JobTitle = "Teller" } }, rep.Headers);

        var error = await TestData.FailsAsync(() => _client.DeleteContactAsync(
            new Proto.DeleteContactRequest { Name = contact.Name, Etag = contact.Etag }, rep.Headers));

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("Teller", (await _client.GetContactAsync(new Proto.GetContactRequest { Name = contact.Name }, rep.Headers)).JobTitle);
    }

    [Fact]
    public async Task Interactions_can_no_longer_be_recorded_with_a_deleted_contact()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Ollivanders"), rep.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Garrick", "Ollivander"), rep.Headers);
        await _client.DeleteContactAsync(new Proto.DeleteContactRequest { Name = contact.Name }, rep.Headers);

        var error = await TestData.FailsAsync(() => _client.RecordInteractionAsync(Interaction(contact: contact.Name), rep.Headers));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_deleted_contacts_personal_data_can_still_be_erased()
    {
        var admin = server.Admin(TestData.NewTenant());
        var familyName = "Lovegood" + Guid.NewGuid().ToString("N")[..6];
        var account = await _client.CreateAccountAsync(TestData.Company("The Quibbler"), admin.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Luna", familyName), admin.Headers);
        await _client.DeleteContactAsync(new Proto.DeleteContactRequest { Name = contact.Name }, admin.Headers);

        await _client.EraseContactAsync(contact, admin);

        Assert.Equal(0L, await server.ScalarAsync<long>("SELECT count(*) FROM contacts WHERE family_name = $1", familyName));
        Assert.Equal(0L, await server.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE new_value = $1", familyName));
    }

    [Fact]
    public async Task The_personal_data_of_a_contact_of_a_deleted_account_can_still_be_exported_and_erased()
    {
        var admin = server.Admin(TestData.NewTenant());
        var familyName = "Scamander" + Guid.NewGuid().ToString("N")[..6];
        var account = await _client.CreateAccountAsync(TestData.Consumer($"Newt {familyName}"), admin.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Newt", familyName), admin.Headers);
        await _client.DeleteAccountAsync(new Proto.DeleteAccountRequest { Name = account.Name }, admin.Headers);

        using var export = _client.ExportPersonalData(new Proto.ExportPersonalDataRequest { Contact = contact.Name }, admin.Headers);
        var exported = await export.ResponseStream.ReadAllAsync().ToListAsync();
        await _client.EraseContactAsync(contact, admin);

        Assert.Equal(contact, exported[0].Contact);
        Assert.Equal(account.Name, exported[1].Account.Name);
        Assert.Equal(0L, await server.ScalarAsync<long>("SELECT count(*) FROM contacts WHERE family_name = $1", familyName));
        Assert.Equal(0L, await server.ScalarAsync<long>(
            "SELECT count(*) FROM accounts WHERE display_name LIKE '%' || $1 || '%'", familyName));
        Assert.Equal(0L, await server.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE new_value LIKE '%' || $1 || '%'", familyName));
    }
}
