using CrmPlatform.Customers.Domain;
using CrmPlatform.Grpc;
using Google.Protobuf;
using Npgsql;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

/// <summary>
/// An export reads one snapshot: records changed, deleted or created while it streams are exported as they were when it
/// began. Each test reads the first message, changes records of the second page, then reads the rest. The server reads a
/// page only after writing the one before, and it can write at most <see cref="MostWrittenAhead"/> ahead of a client that
/// reads nothing; the first page is far larger (asserted), so the server reads the second page after the changes.
/// </summary>
[Collection(CustomersServerCollection.Name)]
public sealed class ExportSnapshotTests(CustomersServer server)
{
    /// <summary>
    /// The bytes a server stream can run ahead of its reader: the HTTP/2 stream window (64 KiB in SocketsHttpHandler, which
    /// grows only as the client reads) plus Kestrel's response buffer (64 KiB).
    /// </summary>
    private const int MostWrittenAhead = 128 * 1024;

    /// <summary>A full page and 205 records of a second one.</summary>
    private const int SeedCount = Paging.MaxPageSize + 205;

    private const int EditedIndex = Paging.MaxPageSize + 100;
    private const int DeletedIndex = Paging.MaxPageSize + 150;

    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task An_account_export_holds_the_accounts_as_of_its_start_though_they_change_while_it_streams()
    {
        var admin = server.Admin(TestData.NewTenant());
        await InsertAccountsAsync(admin.TenantId);
        var filter = new Proto.ListAccountsRequest { OrderBy = "update_time" };
        var atStart = await ListAccountsAsync(admin, filter);
        var (edited, deleted) = (atStart[EditedIndex], atStart[DeletedIndex]);

        using var export = _client.ExportAccounts(new Proto.ExportAccountsRequest { Filter = filter }, admin.Headers);
        Assert.True(await export.ResponseStream.MoveNext(CancellationToken.None));
        List<Proto.Account> exported = [export.ResponseStream.Current];
        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = edited.Name, DisplayName = "Renamed while exporting" },
            UpdateMask = TestData.Mask("display_name"),
        }, admin.Headers);
        await _client.DeleteAccountAsync(new Proto.DeleteAccountRequest { Name = deleted.Name }, admin.Headers);
        var created = await _client.CreateAccountAsync(TestData.Company("Created while exporting").Confirmed(), admin.Headers);
        exported.AddRange(await RestAsync(export.ResponseStream));

        AssertFirstPageOutrunsBuffering(exported);
        Assert.Equal(atStart.Select(a => a.Name), exported.Select(a => a.Name));
        Assert.Equal(atStart, exported);
        var now = await ListAccountsAsync(admin, filter);
        Assert.Equal([edited.Name, created.Name], now.TakeLast(2).Select(a => a.Name));
        Assert.Equal("Renamed while exporting", now[^2].DisplayName);
        Assert.DoesNotContain(now, a => a.Name == deleted.Name);
    }

    [Fact]
    public async Task A_contact_export_holds_the_contacts_as_of_its_start_though_they_change_while_it_streams()
    {
        var admin = server.Admin(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Snapshot Contacts Ltd").Confirmed(), admin.Headers);
        await InsertContactsAsync(account);
        var filter = new Proto.ListContactsRequest { Account = account.Name, OrderBy = "update_time" };
        var atStart = await ListContactsAsync(admin, filter);
        var (edited, deleted) = (atStart[EditedIndex], atStart[DeletedIndex]);

        using var export = _client.ExportContacts(new Proto.ExportContactsRequest { Filter = filter }, admin.Headers);
        Assert.True(await export.ResponseStream.MoveNext(CancellationToken.None));
        List<Proto.Contact> exported = [export.ResponseStream.Current];
        await _client.UpdateContactAsync(new Proto.UpdateContactRequest
        {
            Contact = new Proto.Contact { Name = edited.Name, GivenName = "Renamed" },
            UpdateMask = TestData.Mask("given_name"),
        }, admin.Headers);
        await _client.DeleteContactAsync(new Proto.DeleteContactRequest { Name = deleted.Name }, admin.Headers);
        var created = await _client.CreateContactAsync(TestData.Contact(account, "Created", "Meanwhile").Confirmed(), admin.Headers);
        exported.AddRange(await RestAsync(export.ResponseStream));

        AssertFirstPageOutrunsBuffering(exported);
        Assert.Equal(atStart.Select(c => c.Name), exported.Select(c => c.Name));
        Assert.Equal(atStart, exported);
        var now = await ListContactsAsync(admin, filter);
        Assert.Equal([edited.Name, created.Name], now.TakeLast(2).Select(c => c.Name));
        Assert.Equal("Renamed", now[^2].GivenName);
        Assert.DoesNotContain(now, c => c.Name == deleted.Name);
    }

    [Fact]
    public async Task An_export_the_client_cancels_ends_its_transaction_at_once()
    {
        var admin = server.Admin(TestData.NewTenant());
        await InsertAccountsAsync(admin.TenantId);
        using var export = _client.ExportAccounts(
            new Proto.ExportAccountsRequest { Filter = new Proto.ListAccountsRequest { OrderBy = "update_time" } }, admin.Headers);
        Assert.True(await export.ResponseStream.MoveNext(CancellationToken.None));
        var heldWhileStreaming = await ExportTransactionsAsync();

        export.Dispose();

        Assert.Equal(1, heldWhileStreaming);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (await ExportTransactionsAsync() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The cancelled export still holds its transaction after 5 seconds.");
            await Task.Delay(50);
        }
    }

    private static void AssertFirstPageOutrunsBuffering<T>(IEnumerable<T> exported)
        where T : IMessage
    {
        var firstPageBytes = exported.Take(Paging.MaxPageSize).Sum(m => m.CalculateSize());
        Assert.True(firstPageBytes > 8 * MostWrittenAhead, $"The first page is only {firstPageBytes} bytes.");
    }

    private static async Task<List<T>> RestAsync<T>(IAsyncStreamReader<T> stream)
    {
        var rest = new List<T>();
        await foreach (var message in stream.ReadAllAsync())
        {
            rest.Add(message);
        }

        return rest;
    }

    /// <summary>Server connections in a transaction whose last query listed accounts: an account export's snapshot.</summary>
    private Task<long> ExportTransactionsAsync() => server.ScalarAsync<long>(
        """
        SELECT count(*) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'
          AND query LIKE '%FROM accounts WHERE%ORDER BY%LIMIT%'
        """);

    private Task<List<Proto.Account>> ListAccountsAsync(TestUser user, Proto.ListAccountsRequest filter)
    {
        var request = new Proto.ListAccountsRequest(filter) { PageSize = Paging.MaxPageSize };
        return SortedPages.ListAllAsync<Proto.Account>(request.PageSize, async () =>
        {
            var page = await _client.ListAccountsAsync(request, user.Headers);
            request.PageToken = page.NextPageToken;
            return (page.Accounts, page.NextPageToken);
        });
    }

    private Task<List<Proto.Contact>> ListContactsAsync(TestUser user, Proto.ListContactsRequest filter)
    {
        var request = new Proto.ListContactsRequest(filter) { PageSize = Paging.MaxPageSize };
        return SortedPages.ListAllAsync<Proto.Contact>(request.PageSize, async () =>
        {
            var page = await _client.ListContactsAsync(request, user.Headers);
            request.PageToken = page.NextPageToken;
            return (page.Contacts, page.NextPageToken);
        });
    }

    /// <summary>
    /// Inserts <see cref="SeedCount"/> accounts straight into the table (the API would take minutes for this many), updated
    /// a second apart, up to a second ago. Each is as large as the API allows a name and tags to be, about 1.3 KB as a message.
    /// The names differ as real ones do (by a hash, not a counter): names alike in all but a number would all pair up in
    /// the background duplicate scan, which would then spend minutes on this tenant while other tests wait for theirs.
    /// </summary>
    private async Task InsertAccountsAsync(string tenantId)
    {
        await using var command = server.Database.CreateCommand(
            """
            INSERT INTO accounts (id, tenant_id, kind, display_name, owner_user_id, team, tags, phase, version, created_by,
                                  created_at, updated_at, name_key)
            SELECT gen_random_uuid(), $1, 1, rpad('Bulk ' || md5(n::text) || ' ', 200, 'x'), 'loader', '',
                   ARRAY(SELECT rpad('tag-' || t || '-', 50, 'x') FROM generate_series(1, 20) AS t), 1, 1, 'loader',
                   now() - ($2 + 1 - n) * interval '1 second', now() - ($2 + 1 - n) * interval '1 second', 'bulk ' || md5(n::text)
            FROM generate_series(1, $2) AS n
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = SeedCount });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Inserts <see cref="SeedCount"/> contacts of <paramref name="account"/> as <see cref="InsertAccountsAsync"/> does accounts.</summary>
    private async Task InsertContactsAsync(Proto.Account account)
    {
        await using var command = server.Database.CreateCommand(
            """
            INSERT INTO contacts (id, tenant_id, account_id, given_name, family_name, job_title, owner_user_id, team, tags, version,
                                  created_by, created_at, updated_at, name_key)
            SELECT gen_random_uuid(), $1, $2, 'Bulk', rpad(md5(n::text) || ' ', 200, 'x'), rpad('Buyer ', 200, 'x'), 'loader', '',
                   ARRAY(SELECT rpad('tag-' || t || '-', 50, 'x') FROM generate_series(1, 20) AS t), 1, 'loader',
                   now() - ($3 + 1 - n) * interval '1 second', now() - ($3 + 1 - n) * interval '1 second', 'bulk ' || md5(n::text)
            FROM generate_series(1, $3) AS n
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = account.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(account.Name["accounts/".Length..]) });
        command.Parameters.Add(new NpgsqlParameter { Value = SeedCount });
        await command.ExecuteNonQueryAsync();
    }
}
