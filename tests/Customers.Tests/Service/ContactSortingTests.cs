using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class ContactSortingTests(CustomersServer server)
{
    /// <summary>Given and family names, with ties in either (whatever their case) and each name missing once.</summary>
    private static readonly (string Given, string Family)[] Names =
    [
        ("delta", "Young"), ("Alpha", "smith"), ("Echo", "Smith"), ("charlie", ""), ("Bravo", "young"), ("echo", "SMITH"), ("", "Adams"),
    ];

    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Theory]
    [InlineData("")]
    [InlineData("given_name")]
    [InlineData("given_name desc")]
    [InlineData("family_name")]
    [InlineData("family_name desc")]
    [InlineData("create_time")]
    [InlineData("create_time desc")]
    [InlineData("update_time")]
    [InlineData("update_time desc")]
    public async Task Pages_of_two_list_every_contact_exactly_once_in_the_requested_order(string orderBy)
    {
        var rep = server.Rep(TestData.NewTenant());
        var contacts = await CreateContactsAsync(rep);

        var listed = await ListAllAsync(rep, new Proto.ListContactsRequest { PageSize = 2, OrderBy = orderBy });

        Assert.Equal(Expected(contacts, orderBy), listed.Select(c => c.Name));
    }

    [Fact]
    public async Task Names_sort_case_insensitively_a_missing_name_first_and_equal_names_by_id_in_both_directions()
    {
        var rep = server.Rep(TestData.NewTenant());
        var contacts = await CreateContactsAsync(rep);
        var smiths = contacts.Where(c => c.FamilyName.Equals("smith", StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Name).Order(StringComparer.Ordinal).ToList();

        var byGivenName = await ListAllAsync(rep, new Proto.ListContactsRequest { PageSize = 2, OrderBy = "given_name" });
        var byFamilyName = await ListAllAsync(rep, new Proto.ListContactsRequest { PageSize = 2, OrderBy = "family_name" });
        var byFamilyNameDescending = await ListAllAsync(rep, new Proto.ListContactsRequest { PageSize = 2, OrderBy = "family_name desc" });

        Assert.Equal(["", "Alpha", "Bravo", "charlie", "delta"], byGivenName.Take(5).Select(c => c.GivenName));
        Assert.Equal(["", "Adams"], byFamilyName.Take(2).Select(c => c.FamilyName));
        Assert.Equal(smiths, byFamilyName.Skip(2).Take(3).Select(c => c.Name));
        Assert.Equal(Enumerable.Reverse(smiths), byFamilyNameDescending.Skip(2).Take(3).Select(c => c.Name));
    }

    [Fact]
    public async Task Filtered_contacts_are_sorted_too()
    {
        var rep = server.Rep(TestData.NewTenant());
        var contacts = await CreateContactsAsync(rep);
        var smiths = contacts.Where(c => c.FamilyName.Equals("smith", StringComparison.OrdinalIgnoreCase)).ToList();

        var listed = await ListAllAsync(rep, new Proto.ListContactsRequest { PageSize = 1, Query = "smith", OrderBy = "create_time desc" });

        Assert.Equal(smiths.OrderByDescending(c => c.CreateTime.ToDateTimeOffset()).Select(c => c.Name), listed.Select(c => c.Name));
    }

    [Fact]
    public async Task A_page_token_from_another_order_is_invalid_argument()
    {
        var rep = server.Rep(TestData.NewTenant());
        await CreateContactsAsync(rep);
        var page = await _client.ListContactsAsync(new Proto.ListContactsRequest { PageSize = 2, OrderBy = "family_name" }, rep.Headers);
        var byId = await _client.ListContactsAsync(new Proto.ListContactsRequest { PageSize = 2 }, rep.Headers);

        var errors = new[]
        {
            await ListFailsAsync("family_name desc", page.NextPageToken),
            await ListFailsAsync("given_name", page.NextPageToken),
            await ListFailsAsync("create_time", page.NextPageToken),
            await ListFailsAsync("", page.NextPageToken),
            await ListFailsAsync("update_time", byId.NextPageToken),
        };

        Assert.All(errors, e =>
        {
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            Assert.StartsWith("page_token:", e.Status.Detail);
        });

        Task<RpcException> ListFailsAsync(string orderBy, string token) => TestData.FailsAsync(() =>
            _client.ListContactsAsync(new Proto.ListContactsRequest { PageSize = 2, OrderBy = orderBy, PageToken = token }, rep.Headers));
    }

    [Theory]
    [InlineData("display_name")]
    [InlineData("name")]
    [InlineData("given_name asc")]
    [InlineData("family_name descending")]
    [InlineData("given_name, family_name")]
    [InlineData("GIVEN_NAME")]
    public async Task An_unknown_order_is_invalid_argument_naming_order_by(string orderBy)
    {
        var rep = server.Rep(TestData.NewTenant());

        var error = await TestData.FailsAsync(() => _client.ListContactsAsync(new Proto.ListContactsRequest { OrderBy = orderBy }, rep.Headers));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("order_by:", error.Status.Detail);
    }

    /// <summary>Creates <see cref="Names"/> in order, then touches the first one so update order differs from creation order.</summary>
    private async Task<List<Proto.Contact>> CreateContactsAsync(TestUser user)
    {
        var account = await _client.CreateAccountAsync(TestData.Company("Contacts Inc").Confirmed(), user.Headers);
        var contacts = new List<Proto.Contact>();
        foreach (var (given, family) in Names)
        {
            contacts.Add(await _client.CreateContactAsync(TestData.Contact(account, given, family).Confirmed(), user.Headers));
        }

        contacts[0] = await _client.UpdateContactAsync(new Proto.UpdateContactRequest
        {
            Contact = new Proto.Contact { Name = contacts[0].Name, Tags = { "touched" } },
            UpdateMask = TestData.Mask("tags"),
        }, user.Headers);
        return contacts;
    }

    private Task<List<Proto.Contact>> ListAllAsync(TestUser user, Proto.ListContactsRequest request) =>
        SortedPages.ListAllAsync<Proto.Contact>(request.PageSize, async () =>
        {
            var page = await _client.ListContactsAsync(request, user.Headers);
            request.PageToken = page.NextPageToken;
            return (page.Contacts, page.NextPageToken);
        });

    private static IEnumerable<string> Expected(IEnumerable<Proto.Contact> contacts, string orderBy) =>
        SortedPages.Expected(contacts, orderBy, c => c.Name, (c, field) => field switch
        {
            "given_name" => c.GivenName.ToLowerInvariant(),
            "family_name" => c.FamilyName.ToLowerInvariant(),
            "create_time" => SortedPages.Sortable(c.CreateTime),
            "update_time" => SortedPages.Sortable(c.UpdateTime),
            _ => "",
        });
}
