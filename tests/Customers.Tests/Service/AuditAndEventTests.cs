using CrmPlatform.Contracts.Events;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class AuditAndEventTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task A_created_account_is_published_as_CustomerCreated_through_the_outbox()
    {
        var rep = server.Rep(TestData.NewTenant());

        var created = await _client.CreateAccountAsync(TestData.Company("Cyberdyne Systems"), rep.Headers);

        var id = Guid.Parse(created.Name["accounts/".Length..]);
        var published = await server.Events.WaitForAsync<CustomerCreated>(e => e.AccountId == id);
        Assert.Equal(rep.TenantId, published.TenantId);
        Assert.Equal("Company", published.Kind);
        Assert.Equal(rep.UserId, published.OwnerUserId);
        Assert.Equal("north", published.Team);
        Assert.Equal(rep.UserId, published.CreatedBy);
    }

    [Fact]
    public async Task Updates_and_added_contacts_are_published_and_an_unchanged_update_publishes_nothing()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Tyrell Corporation"), rep.Headers);
        var id = Guid.Parse(account.Name["accounts/".Length..]);

        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = account.Name, DisplayName = "Tyrell Corp" },
        }, rep.Headers);
        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = account.Name, DisplayName = "Tyrell Corp" },
        }, rep.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Eldon", "Tyrell"), rep.Headers);

        var updated = await server.Events.WaitForAsync<CustomerUpdated>(e => e.AccountId == id);
        Assert.Equal(["display_name"], updated.ChangedFields);
        Assert.Equal(2, updated.Version);
        var added = await server.Events.WaitForAsync<ContactAdded>(e => e.AccountId == id);
        Assert.Equal(Guid.Parse(contact.Name["contacts/".Length..]), added.ContactId);
        Assert.Single(server.Events.All<CustomerUpdated>(e => e.AccountId == id));
    }

    [Fact]
    public async Task A_manual_phase_override_is_published_as_RelationshipPhaseChanged_and_kept_in_the_history()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Aperture Science"), rep.Headers);
        var id = Guid.Parse(account.Name["accounts/".Length..]);

        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = account.Name, Phase = Proto.RelationshipPhase.Expansion },
        }, rep.Headers);
        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = account.Name, DisplayName = "Aperture Laboratories" },
        }, rep.Headers);

        var changed = await server.Events.WaitForAsync<RelationshipPhaseChanged>(e => e.AccountId == id);
        Assert.Equal(("Awareness", "Expansion", "manual", rep.UserId), (changed.FromPhase, changed.ToPhase, changed.Source, changed.ChangedBy));
        await server.Events.WaitForAsync<CustomerUpdated>(e => e.AccountId == id && e.Version == 3);
        Assert.Single(server.Events.All<RelationshipPhaseChanged>(e => e.AccountId == id));
        var history = await _client.ListFieldChangesAsync(new Proto.ListFieldChangesRequest { Parent = account.Name }, rep.Headers);
        Assert.Contains(history.Changes, c => c.Field == "phase" && c.OldValue == "Awareness" && c.NewValue == "Expansion");
    }

    [Fact]
    public async Task The_history_shows_who_changed_which_field_from_what_to_what()
    {
        var tenant = TestData.NewTenant();
        var rep = server.Rep(tenant);
        var manager = server.User(tenant, "manager-1", ["sales_manager"], "north");
        var account = await _client.CreateAccountAsync(TestData.Company("Oscorp", "info@oscorp.com"), rep.Headers);

        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = account.Name, Email = "", OwnerUserId = "rep-2" },
            UpdateMask = TestData.Mask("email", "owner_user_id"),
        }, manager.Headers);

        var history = (await _client.ListFieldChangesAsync(new Proto.ListFieldChangesRequest { Parent = account.Name }, manager.Headers))
            .Changes.Select(c => (c.Field, c.OldValue, c.NewValue, c.ChangedBy, c.Version)).ToList();
        Assert.Contains(("display_name", "", "Oscorp", rep.UserId, 1L), history);
        Assert.Contains(("email", "", "info@oscorp.com", rep.UserId, 1L), history);
        Assert.Equal(
            [("email", "info@oscorp.com", "", "manager-1", 2L), ("owner_user_id", rep.UserId, "rep-2", "manager-1", 2L)],
            history.Where(h => h.Version == 2));
    }

    [Fact]
    public async Task A_contacts_history_pages_oldest_first_and_is_stored_in_the_same_transaction_as_the_change()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Massive Dynamic"), rep.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Nina", "Sharp"), rep.Headers);
        for (var i = 1; i <= 3; i++)
        {
            await _client.UpdateContactAsync(new Proto.UpdateContactRequest
            {
                Contact = new Proto.Contact { Name = contact.Name, JobTitle = $"Title {i}" },
            }, rep.Headers);
        }

        var titles = new List<string>();
        var token = "";
        do
        {
            var page = await _client.ListFieldChangesAsync(
                new Proto.ListFieldChangesRequest { Parent = contact.Name, PageSize = 2, PageToken = token }, rep.Headers);
            titles.AddRange(page.Changes.Where(c => c.Field == "job_title").Select(c => c.NewValue));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(["Title 1", "Title 2", "Title 3"], titles);
        Assert.Equal(4L, await server.ScalarAsync<long>(
            "SELECT count(DISTINCT version) FROM audit_entries WHERE resource_name = $1", contact.Name));
    }
}
