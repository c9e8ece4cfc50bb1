using CrmPlatform.Grpc;
using Npgsql;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class ContactExportTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task An_export_streams_every_matching_contact_in_the_requested_order_past_the_page_size_limit()
    {
        var admin = server.Admin(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Bulk Contacts Ltd").Confirmed(), admin.Headers);
        var bulk = await InsertContactsAsync(account, 1205, "bulk");
        await _client.CreateContactAsync(TestData.Contact(account, "Not", "Tagged").Confirmed(), admin.Headers);

        var exported = await ExportAsync(admin, new Proto.ListContactsRequest { Tag = "bulk", OrderBy = "family_name desc" });

        var expected = SortedPages.Expected(bulk, "family_name desc", c => c.Name, (c, _) => c.FamilyName.ToLowerInvariant());
        Assert.Equal(expected, exported.Select(c => c.Name));
    }

    /// <summary>The rep is "rep-1" in team "north".</summary>
    [Fact]
    public async Task A_sales_rep_exports_only_own_and_team_contacts_and_another_tenant_exports_none()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var account = await _client.CreateAccountAsync(TestData.Company("Export Access Ltd").Confirmed(), admin.Headers);
        var own = await AddContactAsync(admin, account, "Own", "rep-1", "east");
        var team = await AddContactAsync(admin, account, "Team", "colleague", "north");
        var other = await AddContactAsync(admin, account, "Other", "stranger", "south");

        var byRep = await ExportAsync(server.Rep(tenant), new Proto.ListContactsRequest());
        var byAdmin = await ExportAsync(admin, new Proto.ListContactsRequest());
        var byOtherTenant = await ExportAsync(server.Admin(TestData.NewTenant()), new Proto.ListContactsRequest { Account = account.Name });

        Assert.Equal([own.Name, team.Name], byRep.Select(c => c.Name));
        Assert.Equal([own.Name, team.Name, other.Name], byAdmin.Select(c => c.Name));
        Assert.Empty(byOtherTenant);
    }

    [Fact]
    public async Task Erased_and_deleted_contacts_are_not_exported()
    {
        var admin = server.Admin(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Export Privacy Ltd").Confirmed(), admin.Headers);
        var erased = await _client.CreateContactAsync(TestData.Contact(account, "Erased", "Person").Confirmed(), admin.Headers);
        var deleted = await _client.CreateContactAsync(TestData.Contact(account, "Deleted", "Person").Confirmed(), admin.Headers);
        var kept = await _client.CreateContactAsync(TestData.Contact(account, "Kept", "Person").Confirmed(), admin.Headers);
        await _client.ErasePersonalDataAsync(new Proto.ErasePersonalDataRequest { Contact = erased.Name }, admin.Headers);
        await _client.DeleteContactAsync(new Proto.DeleteContactRequest { Name = deleted.Name }, admin.Headers);

        var exported = await ExportAsync(admin, new Proto.ListContactsRequest { Account = account.Name });

        Assert.Equal([kept.Name], exported.Select(c => c.Name));
    }

    [Theory]
    [InlineData("display_name", "", "order_by")]
    [InlineData("given_name asc", "", "order_by")]
    [InlineData("", "accounts/not-a-uuid", "account")]
    public async Task A_bad_filter_is_invalid_argument_naming_the_field_as_for_the_list(string orderBy, string account, string field)
    {
        var rep = server.Rep(TestData.NewTenant());
        var filter = new Proto.ListContactsRequest { OrderBy = orderBy, Account = account };

        var listed = await TestData.FailsAsync(() => _client.ListContactsAsync(filter, rep.Headers));
        var exported = await Assert.ThrowsAsync<RpcException>(() => ExportAsync(rep, filter));

        Assert.All([listed, exported], e =>
        {
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            Assert.StartsWith(field + ":", e.Status.Detail);
        });
    }

    private Task<List<Proto.Contact>> ExportAsync(TestUser user, Proto.ListContactsRequest filter) =>
        TestData.ReadAllAsync(_client.ExportContacts(new Proto.ExportContactsRequest { Filter = filter }, user.Headers));

    private async Task<Proto.Contact> AddContactAsync(TestUser admin, Proto.Account account, string givenName, string owner, string team)
    {
        var request = TestData.Contact(account, givenName, Guid.NewGuid().ToString("N")).Confirmed();
        request.Contact.OwnerUserId = owner;
        request.Contact.Team = team;
        return await _client.CreateContactAsync(request, admin.Headers);
    }

    /// <summary>
    /// Inserts <paramref name="count"/> tagged contacts of <paramref name="account"/> straight into the table (the API would
    /// take minutes for this many). Their family names repeat every seven, so sorting by them leaves ties across pages.
    /// </summary>
    private async Task<List<(string Name, string FamilyName)>> InsertContactsAsync(Proto.Account account, int count, string tag)
    {
        await using var command = server.Database.CreateCommand(
            """
            INSERT INTO contacts (id, tenant_id, account_id, given_name, family_name, owner_user_id, team, tags, version, created_by,
                                  created_at, updated_at, name_key)
            SELECT gen_random_uuid(), $1, $2, 'Bulk', 'Member ' || n % 7, 'loader', '', ARRAY[$3], 1, 'loader', now(), now(),
                   'bulk member ' || n % 7
            FROM generate_series(1, $4) AS n
            RETURNING id, family_name
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = account.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(account.Name["accounts/".Length..]) });
        command.Parameters.Add(new NpgsqlParameter { Value = tag });
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        await using var reader = await command.ExecuteReaderAsync();
        var contacts = new List<(string Name, string FamilyName)>();
        while (await reader.ReadAsync())
        {
            contacts.Add(($"contacts/{reader.GetGuid(0)}", reader.GetString(1)));
        }

        return contacts;
    }
}
