using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class AccountSortingTests(CustomersServer server)
{
    private static readonly string[] Names = ["delta", "Alpha", "Echo", "charlie", "Bravo", "echo"];

    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Theory]
    [InlineData("")]
    [InlineData("display_name")]
    [InlineData("display_name desc")]
    [InlineData("create_time")]
    [InlineData("create_time desc")]
    [InlineData("update_time")]
    [InlineData("update_time desc")]
    public async Task Pages_of_two_list_every_account_exactly_once_in_the_requested_order(string orderBy)
    {
        var rep = server.Rep(TestData.NewTenant());
        var accounts = await CreateAccountsAsync(rep);

        var listed = await ListAllAsync(rep, new Proto.ListAccountsRequest { PageSize = 2, OrderBy = orderBy });

        Assert.Equal(Expected(accounts, orderBy), listed.Select(a => a.Name));
    }

    [Fact]
    public async Task Names_sort_case_insensitively_and_equal_names_are_ordered_by_id_in_both_directions()
    {
        var rep = server.Rep(TestData.NewTenant());
        var accounts = await CreateAccountsAsync(rep);
        var echoes = accounts.Where(a => a.DisplayName.Equals("echo", StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Name).Order(StringComparer.Ordinal).ToList();

        var ascending = await ListAllAsync(rep, new Proto.ListAccountsRequest { PageSize = 2, OrderBy = "display_name" });
        var descending = await ListAllAsync(rep, new Proto.ListAccountsRequest { PageSize = 2, OrderBy = "display_name desc" });

        Assert.Equal(["Alpha", "Bravo", "charlie", "delta"], ascending.Take(4).Select(a => a.DisplayName));
        Assert.Equal(echoes, ascending.Skip(4).Select(a => a.Name));
        Assert.Equal(Enumerable.Reverse(echoes), descending.Take(2).Select(a => a.Name));
    }

    [Fact]
    public async Task Accounts_inserted_while_paging_by_name_neither_repeat_nor_hide_the_accounts_already_there()
    {
        var rep = server.Rep(TestData.NewTenant());
        var accounts = await CreateAccountsAsync(rep);

        var listed = new List<Proto.Account>();
        var page = await _client.ListAccountsAsync(new Proto.ListAccountsRequest { PageSize = 2, OrderBy = "display_name" }, rep.Headers);
        listed.AddRange(page.Accounts);
        await _client.CreateAccountAsync(TestData.Company("Aardvark").Confirmed(), rep.Headers);
        await _client.CreateAccountAsync(TestData.Company("Zulu").Confirmed(), rep.Headers);
        listed.AddRange(await ListAllAsync(rep, new Proto.ListAccountsRequest { PageSize = 2, OrderBy = "display_name", PageToken = page.NextPageToken }));

        Assert.Equal([.. Expected(accounts, "display_name"), listed[^1].Name], listed.Select(a => a.Name));
        Assert.Equal("Zulu", listed[^1].DisplayName);
    }

    [Fact]
    public async Task A_search_query_is_sorted_too()
    {
        var rep = server.Rep(TestData.NewTenant());
        var accounts = await CreateAccountsAsync(rep);
        var echoes = accounts.Where(a => a.DisplayName.Equals("echo", StringComparison.OrdinalIgnoreCase)).ToList();

        var listed = await ListAllAsync(rep, new Proto.ListAccountsRequest { PageSize = 1, Query = "echo", OrderBy = "create_time desc" });

        Assert.Equal(echoes.OrderByDescending(a => a.CreateTime.ToDateTimeOffset()).Select(a => a.Name), listed.Select(a => a.Name));
    }

    [Fact]
    public async Task An_export_streams_in_the_requested_order()
    {
        var rep = server.Rep(TestData.NewTenant());
        var accounts = await CreateAccountsAsync(rep);

        using var export = _client.ExportAccounts(
            new Proto.ExportAccountsRequest { Filter = new Proto.ListAccountsRequest { OrderBy = "display_name desc" } }, rep.Headers);
        var names = new List<string>();
        await foreach (var account in export.ResponseStream.ReadAllAsync())
        {
            names.Add(account.Name);
        }

        Assert.Equal(Expected(accounts, "display_name desc"), names);
    }

    [Fact]
    public async Task A_page_token_from_another_order_is_invalid_argument()
    {
        var rep = server.Rep(TestData.NewTenant());
        await CreateAccountsAsync(rep);
        var page = await _client.ListAccountsAsync(new Proto.ListAccountsRequest { PageSize = 2, OrderBy = "display_name" }, rep.Headers);

        var reversed = await TestData.FailsAsync(() => _client.ListAccountsAsync(
            new Proto.ListAccountsRequest { PageSize = 2, OrderBy = "display_name desc", PageToken = page.NextPageToken }, rep.Headers));
        var byTime = await TestData.FailsAsync(() => _client.ListAccountsAsync(
            new Proto.ListAccountsRequest { PageSize = 2, OrderBy = "create_time", PageToken = page.NextPageToken }, rep.Headers));
        var byId = await TestData.FailsAsync(() => _client.ListAccountsAsync(
            new Proto.ListAccountsRequest { PageSize = 2, PageToken = page.NextPageToken }, rep.Headers));

        Assert.All([reversed, byTime, byId], e =>
        {
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            Assert.StartsWith("page_token:", e.Status.Detail);
        });
    }

    [Theory]
    [InlineData("name")]
    [InlineData("display_name descending")]
    [InlineData("display_name asc")]
    [InlineData("display_name, create_time")]
    [InlineData("DISPLAY_NAME")]
    public async Task An_unknown_order_is_invalid_argument_naming_order_by_for_list_and_export(string orderBy)
    {
        var rep = server.Rep(TestData.NewTenant());

        var list = await TestData.FailsAsync(() => _client.ListAccountsAsync(new Proto.ListAccountsRequest { OrderBy = orderBy }, rep.Headers));
        using var export = _client.ExportAccounts(
            new Proto.ExportAccountsRequest { Filter = new Proto.ListAccountsRequest { OrderBy = orderBy } }, rep.Headers);
        var exported = await Assert.ThrowsAsync<RpcException>(async () => await export.ResponseStream.MoveNext(CancellationToken.None));

        Assert.All([list, exported], e =>
        {
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            Assert.StartsWith("order_by:", e.Status.Detail);
        });
    }

    /// <summary>Creates <see cref="Names"/> in order, then touches the first one so update order differs from creation order.</summary>
    private async Task<List<Proto.Account>> CreateAccountsAsync(TestUser user)
    {
        var accounts = new List<Proto.Account>();
        foreach (var name in Names)
        {
            accounts.Add(await _client.CreateAccountAsync(TestData.Company(name).Confirmed(), user.Headers));
        }

        accounts[0] = await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = accounts[0].Name, Tags = { "touched" } },
            UpdateMask = TestData.Mask("tags"),
        }, user.Headers);
        return accounts;
    }

    private Task<List<Proto.Account>> ListAllAsync(TestUser user, Proto.ListAccountsRequest request) =>
        SortedPages.ListAllAsync<Proto.Account>(request.PageSize, async () =>
        {
            var page = await _client.ListAccountsAsync(request, user.Headers);
            request.PageToken = page.NextPageToken;
            return (page.Accounts, page.NextPageToken);
        });

    private static IEnumerable<string> Expected(IEnumerable<Proto.Account> accounts, string orderBy) =>
        SortedPages.Expected(accounts, orderBy, a => a.Name, (a, field) => field switch
        {
            "display_name" => a.DisplayName.ToLowerInvariant(),
            "create_time" => SortedPages.Sortable(a.CreateTime),
            "update_time" => SortedPages.Sortable(a.UpdateTime),
            _ => "",
        });
}
