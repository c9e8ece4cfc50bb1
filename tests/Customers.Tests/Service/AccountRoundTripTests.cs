using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class AccountRoundTripTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task A_created_account_is_normalised_owned_by_its_creator_and_read_back_unchanged()
    {
        var rep = server.Rep(TestData.NewTenant());

        var created = await _client.CreateAccountAsync(
            TestData.Company("  Acme   Corporation ", "Sales@ACME.COM", "(415) 555-0100", "https://www.Acme.com/about"), rep.Headers);
        var read = await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = created.Name }, rep.Headers);

        Assert.StartsWith("accounts/", created.Name);
        Assert.Equal("Acme Corporation", created.DisplayName);
        Assert.Equal("Sales@acme.com", created.Email);
        Assert.Equal("+14155550100", created.Phone);
        Assert.Equal("acme.com", created.Domain);
        Assert.Equal(rep.UserId, created.OwnerUserId);
        Assert.Equal("north", created.Team);
        Assert.Equal(rep.TenantId, created.TenantId);
        Assert.Equal(Proto.RelationshipPhase.Awareness, created.Phase);
        Assert.NotEmpty(created.Etag);
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task An_update_changes_only_the_masked_fields_and_a_new_etag_is_issued()
    {
        var rep = server.Rep(TestData.NewTenant());
        var created = await _client.CreateAccountAsync(TestData.Company("Globex", "info@globex.com", "+44 20 7183 8750"), rep.Headers);

        var updated = await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account
            {
                Name = created.Name,
                Etag = created.Etag,
                DisplayName = "Globex Corporation",
                Email = "ignored@example.com",
                Tags = { "VIP", "renewal" },
                Phase = Proto.RelationshipPhase.Exploration,
            },
            UpdateMask = TestData.Mask("display_name", "tags", "phase"),
        }, rep.Headers);

        Assert.Equal("Globex Corporation", updated.DisplayName);
        Assert.Equal("info@globex.com", updated.Email);
        Assert.Equal("+442071838750", updated.Phone);
        Assert.Equal(["vip", "renewal"], updated.Tags);
        Assert.Equal(Proto.RelationshipPhase.Exploration, updated.Phase);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.True(updated.UpdateTime.ToDateTimeOffset() >= created.UpdateTime.ToDateTimeOffset());
        Assert.Equal(created.CreateTime, updated.CreateTime);
        Assert.Equal(updated, await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = created.Name }, rep.Headers));
    }

    [Fact]
    public async Task Listing_pages_through_every_account_once_in_id_order()
    {
        var rep = server.Rep(TestData.NewTenant());
        var names = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            names.Add((await _client.CreateAccountAsync(TestData.Company($"Company {i:D2} {Guid.NewGuid():N}"), rep.Headers)).Name);
        }

        var listed = new List<string>();
        var token = "";
        do
        {
            var page = await _client.ListAccountsAsync(new Proto.ListAccountsRequest { PageSize = 3, PageToken = token }, rep.Headers);
            Assert.True(page.Accounts.Count <= 3);
            listed.AddRange(page.Accounts.Select(a => a.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(names.Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public async Task Lists_filter_by_owner_tag_phase_and_search_query()
    {
        var tenant = TestData.NewTenant();
        var rep = server.Rep(tenant);
        var admin = server.Admin(tenant);
        var initech = await _client.CreateAccountAsync(TestData.Company("Initech", domain: "initech.com"), rep.Headers);
        var umbrella = await _client.CreateAccountAsync(TestData.Company("Umbrella Pharmaceuticals").OwnedBy("rep-2", "south"), admin.Headers);
        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = umbrella.Name, Tags = { "key-account" }, Phase = Proto.RelationshipPhase.Commitment },
        }, admin.Headers);

        async Task<IEnumerable<string>> ListAsync(Proto.ListAccountsRequest request) =>
            (await _client.ListAccountsAsync(request, admin.Headers)).Accounts.Select(a => a.DisplayName);

        Assert.Equal(["Initech"], await ListAsync(new Proto.ListAccountsRequest { OwnerUserId = rep.UserId }));
        Assert.Equal(["Umbrella Pharmaceuticals"], await ListAsync(new Proto.ListAccountsRequest { Tag = "Key-Account" }));
        Assert.Equal(["Umbrella Pharmaceuticals"], await ListAsync(new Proto.ListAccountsRequest { Phase = Proto.RelationshipPhase.Commitment }));
        Assert.Equal(["Initech"], await ListAsync(new Proto.ListAccountsRequest { Query = "initech.com" }));
        Assert.Equal(["Umbrella Pharmaceuticals"], await ListAsync(new Proto.ListAccountsRequest { Query = "umbrela" }));
        Assert.Equal(["Initech"], (await _client.ListAccountsAsync(new Proto.ListAccountsRequest(), rep.Headers)).Accounts.Select(a => a.DisplayName));
        Assert.Equal(initech.Name, (await _client.ListAccountsAsync(new Proto.ListAccountsRequest(), rep.Headers)).Accounts.Single().Name);
    }

    [Fact]
    public async Task A_deleted_account_is_gone_from_get_and_list()
    {
        var rep = server.Rep(TestData.NewTenant());
        var created = await _client.CreateAccountAsync(TestData.Company("Soylent"), rep.Headers);

        await _client.DeleteAccountAsync(new Proto.DeleteAccountRequest { Name = created.Name, Etag = created.Etag }, rep.Headers);

        var error = await TestData.FailsAsync(() => _client.GetAccountAsync(new Proto.GetAccountRequest { Name = created.Name }, rep.Headers));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Empty((await _client.ListAccountsAsync(new Proto.ListAccountsRequest(), rep.Headers)).Accounts);
    }

    [Fact]
    public async Task Contacts_are_added_to_an_account_updated_and_listed_per_account()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Hooli", domain: "hooli.com"), rep.Headers);
        var other = await _client.CreateAccountAsync(TestData.Company("Pied Piper"), rep.Headers);

        var gavin = await _client.CreateContactAsync(TestData.Contact(account, " Gavin ", "Belson", "gavin@HOOLI.com"), rep.Headers);
        await _client.CreateContactAsync(TestData.Contact(other, "Richard", "Hendricks"), rep.Headers);
        var updated = await _client.UpdateContactAsync(new Proto.UpdateContactRequest
        {
            Contact = new Proto.Contact { Name = gavin.Name, Etag = gavin.Etag, JobTitle = "CEO", Phone = "650-555-0199" },
        }, rep.Headers);
        var listed = await _client.ListContactsAsync(new Proto.ListContactsRequest { Account = account.Name }, rep.Headers);

        Assert.Equal("Gavin", gavin.GivenName);
        Assert.Equal("gavin@hooli.com", gavin.Email);
        Assert.Equal(account.Name, gavin.Account);
        Assert.Equal("CEO", updated.JobTitle);
        Assert.Equal("+16505550199", updated.Phone);
        Assert.Equal([updated], listed.Contacts);
        Assert.Equal(updated, await _client.GetContactAsync(new Proto.GetContactRequest { Name = gavin.Name }, rep.Headers));
    }

    [Fact]
    public async Task Contacts_are_found_by_their_own_details_or_their_company()
    {
        var rep = server.Rep(TestData.NewTenant());
        var umbrella = await _client.CreateAccountAsync(TestData.Company("Umbrella Corporation", domain: "umbrella.com"), rep.Headers);
        var initech = await _client.CreateAccountAsync(TestData.Company("Initech"), rep.Headers);
        var alice = await _client.CreateContactAsync(TestData.Contact(umbrella, "Alice", "Abernathy"), rep.Headers);
        var peter = await _client.CreateContactAsync(TestData.Contact(initech, "Peter", "Gibbons", "peter@initech.com"), rep.Headers);

        async Task<IEnumerable<string>> SearchAsync(string query) =>
            (await _client.ListContactsAsync(new Proto.ListContactsRequest { Query = query }, rep.Headers)).Contacts.Select(c => c.Name);

        Assert.Equal([alice.Name], await SearchAsync("umbrella"));
        Assert.Equal([alice.Name], await SearchAsync("Abernaty"));
        Assert.Equal([peter.Name], await SearchAsync("peter@initech"));
    }

    [Fact]
    public async Task Addresses_are_normalised_replaced_as_a_whole_and_cleared()
    {
        var rep = server.Rep(TestData.NewTenant());
        var request = TestData.Company("Wonka Industries");
        request.Account.Address = new Proto.PostalAddress
        {
            RegionCode = "gb", PostalCode = "sw1a1aa", Locality = " London ", AddressLines = { "1  Chocolate Lane" },
        };

        var created = await _client.CreateAccountAsync(request, rep.Headers);
        var moved = await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = created.Name, Address = new Proto.PostalAddress { RegionCode = "US", PostalCode = "62701" } },
        }, rep.Headers);
        var cleared = await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = created.Name },
            UpdateMask = TestData.Mask("address"),
        }, rep.Headers);
        var badPostalCode = await TestData.FailsAsync(() => _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = created.Name, Address = new Proto.PostalAddress { RegionCode = "US", PostalCode = "ABC" } },
        }, rep.Headers));

        Assert.Equal(new Proto.PostalAddress { RegionCode = "GB", PostalCode = "SW1A 1AA", Locality = "London", AddressLines = { "1 Chocolate Lane" } },
            created.Address);
        Assert.Equal(new Proto.PostalAddress { RegionCode = "US", PostalCode = "62701" }, moved.Address);
        Assert.Null(cleared.Address);
        Assert.Null((await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = created.Name }, rep.Headers)).Address);
        Assert.Equal(StatusCode.InvalidArgument, badPostalCode.StatusCode);
        Assert.StartsWith("account.address.postal_code:", badPostalCode.Status.Detail);
    }
}
