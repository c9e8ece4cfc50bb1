using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class TenantIsolationTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task Another_tenants_admin_can_neither_read_nor_change_nor_find_a_record()
    {
        var owner = server.Admin(TestData.NewTenant());
        var intruder = server.Admin(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Wayne Enterprises", "bruce@wayne.com"), owner.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Bruce", "Wayne"), owner.Headers);

        var failures = new[]
        {
            await TestData.FailsAsync(() => _client.GetAccountAsync(new Proto.GetAccountRequest { Name = account.Name }, intruder.Headers)),
            await TestData.FailsAsync(() => _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
            {
                Account = new Proto.Account { Name = account.Name, DisplayName = "Hijacked" },
            }, intruder.Headers)),
            await TestData.FailsAsync(() => _client.DeleteAccountAsync(new Proto.DeleteAccountRequest { Name = account.Name }, intruder.Headers)),
            await TestData.FailsAsync(() => _client.GetContactAsync(new Proto.GetContactRequest { Name = contact.Name }, intruder.Headers)),
            await TestData.FailsAsync(() => _client.UpdateContactAsync(new Proto.UpdateContactRequest
            {
                Contact = new Proto.Contact { Name = contact.Name, JobTitle = "Hijacked" },
            }, intruder.Headers)),
            await TestData.FailsAsync(() => _client.CreateContactAsync(TestData.Contact(account, "Selina", "Kyle"), intruder.Headers)),
        };

        Assert.All(failures, error => Assert.Equal(StatusCode.NotFound, error.StatusCode));
        Assert.Empty((await _client.ListAccountsAsync(new Proto.ListAccountsRequest { Query = "wayne" }, intruder.Headers)).Accounts);
        Assert.Empty((await _client.ListContactsAsync(new Proto.ListContactsRequest { Account = account.Name }, intruder.Headers)).Contacts);
        var unchanged = await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = account.Name }, owner.Headers);
        Assert.Equal(account, unchanged);
    }

    [Fact]
    public async Task The_tenant_of_a_record_is_the_callers_whatever_the_request_says()
    {
        var caller = server.Admin(TestData.NewTenant());
        var request = TestData.Company("Stark Industries");
        request.Account.TenantId = "someone-elses-tenant";

        var created = await _client.CreateAccountAsync(request, caller.Headers);

        Assert.Equal(caller.TenantId, created.TenantId);
    }

    [Fact]
    public async Task Duplicates_are_only_looked_for_within_the_callers_tenant()
    {
        await _client.CreateAccountAsync(TestData.Consumer("Diana Prince", "diana@themyscira.gov"), server.Admin(TestData.NewTenant()).Headers);

        var created = await _client.CreateAccountAsync(
            TestData.Consumer("Diana Prince", "diana@themyscira.gov"), server.Admin(TestData.NewTenant()).Headers);

        Assert.Equal("Diana Prince", created.DisplayName);
    }
}
