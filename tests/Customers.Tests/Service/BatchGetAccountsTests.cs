using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class BatchGetAccountsTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task Accounts_come_in_the_order_of_the_names_and_a_repeated_name_once_per_occurrence()
    {
        var admin = server.Admin(TestData.NewTenant());
        var first = await CreateAsync(admin, "Batch First Ltd");
        var second = await CreateAsync(admin, "Batch Second Ltd");
        var third = await CreateAsync(admin, "Batch Third Ltd");

        var answer = await BatchGetAsync(admin, third.Name, first.Name, second.Name, first.Name);

        Assert.Equal([third.Name, first.Name, second.Name, first.Name], answer.Accounts.Select(a => a.Name));
        Assert.Equal(["Batch Third Ltd", "Batch First Ltd", "Batch Second Ltd", "Batch First Ltd"], answer.Accounts.Select(a => a.DisplayName));
        Assert.Equal(await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = third.Name }, admin.Headers), answer.Accounts[0]);
        Assert.Empty(answer.Missing);
    }

    [Fact]
    public async Task A_merged_name_gives_its_survivor_as_GetAccount_does()
    {
        var admin = server.Admin(TestData.NewTenant());
        var survivor = await CreateAsync(admin, "Batch Survivor Ltd");
        var merged = await CreateAsync(admin, "Batch Merged Ltd");
        await _client.MergeAccountsAsync(new Proto.MergeAccountsRequest { Survivor = survivor.Name, Merged = { merged.Name } }, admin.Headers);

        var answer = await BatchGetAsync(admin, merged.Name, survivor.Name);
        var got = await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = merged.Name }, admin.Headers);

        Assert.Equal([survivor.Name, survivor.Name], answer.Accounts.Select(a => a.Name));
        Assert.Equal(got, answer.Accounts[0]);
        Assert.Contains(merged.Name, answer.Accounts[0].MergedNames);
        Assert.Empty(answer.Missing);
    }

    /// <summary>The rep is "rep-1" in team "north".</summary>
    [Fact]
    public async Task Unknown_deleted_unreadable_and_other_tenant_names_are_all_just_missing()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var own = await CreateAsync(admin, "Batch Own Ltd", "rep-1", "east");
        var team = await CreateAsync(admin, "Batch Team Ltd", "colleague", "north");
        var other = await CreateAsync(admin, "Batch Other Ltd", "stranger", "south");
        var deleted = await CreateAsync(admin, "Batch Deleted Ltd", "rep-1", "east");
        await _client.DeleteAccountAsync(new Proto.DeleteAccountRequest { Name = deleted.Name }, admin.Headers);
        var foreign = await CreateAsync(server.Admin(TestData.NewTenant()), "Batch Foreign Ltd", "rep-1", "north");
        var unknown = "accounts/" + Guid.CreateVersion7();

        var answer = await BatchGetAsync(server.Rep(tenant), unknown, own.Name, other.Name, deleted.Name, team.Name, foreign.Name);

        Assert.Equal([own.Name, team.Name], answer.Accounts.Select(a => a.Name));
        Assert.Equal([unknown, other.Name, deleted.Name, foreign.Name], answer.Missing);
    }

    [Fact]
    public async Task At_most_1000_names_are_read_at_once_and_more_is_invalid_argument_naming_the_field()
    {
        var rep = server.Rep(TestData.NewTenant());
        var names = Enumerable.Range(0, 1001).Select(_ => "accounts/" + Guid.CreateVersion7()).ToArray();

        var thousand = await BatchGetAsync(rep, names[..1000]);
        var none = await BatchGetAsync(rep);
        var error = await TestData.FailsAsync(() => _client.BatchGetAccountsAsync(
            new Proto.BatchGetAccountsRequest { Names = { names } }, rep.Headers));

        Assert.Equal(names[..1000], thousand.Missing);
        Assert.Empty(none.Accounts);
        Assert.Empty(none.Missing);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("names:", error.Status.Detail);
    }

    [Theory]
    [InlineData("accounts/not-a-uuid")]
    [InlineData("contacts/0190b5b0-0000-7000-8000-000000000000")]
    [InlineData("0190b5b0-0000-7000-8000-000000000000")]
    [InlineData("")]
    public async Task A_malformed_name_is_invalid_argument_naming_its_position(string malformed)
    {
        var rep = server.Rep(TestData.NewTenant());
        var names = Enumerable.Range(0, 3).Select(_ => "accounts/" + Guid.CreateVersion7()).Append(malformed).Append("accounts/x");

        var error = await TestData.FailsAsync(() => _client.BatchGetAccountsAsync(
            new Proto.BatchGetAccountsRequest { Names = { names } }, rep.Headers));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("names[3]:", error.Status.Detail);
    }

    private Task<Proto.Account> CreateAsync(TestUser admin, string name, string owner = "owner-1", string team = "west") =>
        _client.CreateAccountAsync(TestData.Company(name).OwnedBy(owner, team).Confirmed(), admin.Headers).ResponseAsync;

    private Task<Proto.BatchGetAccountsResponse> BatchGetAsync(TestUser caller, params string[] names) =>
        _client.BatchGetAccountsAsync(new Proto.BatchGetAccountsRequest { Names = { names } }, caller.Headers).ResponseAsync;
}
