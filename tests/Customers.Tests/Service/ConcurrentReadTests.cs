using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

/// <summary>
/// GetAccount and GetContact share pipelined connections (PostgresReads): calls made at once must each get their own
/// record, and one that fails must leave the others alone.
/// </summary>
[Collection(CustomersServerCollection.Name)]
public sealed class ConcurrentReadTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task Reads_made_at_once_each_get_their_own_record_and_a_missing_one_fails_alone()
    {
        var admin = server.Admin(TestData.NewTenant());
        var accounts = new List<Proto.Account>();
        var contacts = new List<Proto.Contact>();
        for (var i = 0; i < 8; i++)
        {
            var account = await _client.CreateAccountAsync(TestData.Company($"Pipelined {i} {Guid.NewGuid():N}").Confirmed(), admin.Headers);
            accounts.Add(account);
            contacts.Add(await _client.CreateContactAsync(TestData.Contact(account, $"Given{i}", $"Family{i}").Confirmed(), admin.Headers));
        }

        var missing = $"accounts/{Guid.NewGuid()}";
        var reads = Enumerable.Range(0, 240).Select(async i =>
        {
            switch (i % 3)
            {
                case 0:
                    var account = accounts[i % accounts.Count];
                    Assert.Equal(account, await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = account.Name }, admin.Headers));
                    break;
                case 1:
                    var contact = contacts[i % contacts.Count];
                    Assert.Equal(contact, await _client.GetContactAsync(new Proto.GetContactRequest { Name = contact.Name }, admin.Headers));
                    break;
                default:
                    var error = await TestData.FailsAsync(() => _client.GetAccountAsync(new Proto.GetAccountRequest { Name = missing }, admin.Headers));
                    Assert.Equal(StatusCode.NotFound, error.StatusCode);
                    break;
            }
        });

        await Task.WhenAll(reads);
    }
}
