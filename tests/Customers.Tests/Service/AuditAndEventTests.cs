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
            Account = new Proto.Account { Name = account.Name, DisplayName = "Tyrell Corp", Phase = Proto.RelationshipPhase.Awareness },
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
    public async Task The_audit_history_records_who_changed_which_field_from_what_to_what()
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

        var history = await ReadHistoryAsync(tenant, account.Name);
        Assert.Contains(("display_name", null, "Oscorp", rep.UserId, 1L), history);
        Assert.Contains(("email", null, "info@oscorp.com", rep.UserId, 1L), history);
        Assert.Contains(("email", "info@oscorp.com", null, "manager-1", 2L), history);
        Assert.Contains(("owner_user_id", rep.UserId, "rep-2", "manager-1", 2L), history);
        Assert.Equal(2, history.Count(h => h.Version == 2));
    }

    private async Task<List<(string Field, string? Old, string? New, string By, long Version)>> ReadHistoryAsync(string tenant, string resource)
    {
        await using var command = server.Database.CreateCommand(
            "SELECT field, old_value, new_value, changed_by, version FROM audit_entries WHERE tenant_id = $1 AND resource_name = $2 ORDER BY id");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = resource });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string?, string?, string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.GetInt64(4)));
        }

        return rows;
    }
}
