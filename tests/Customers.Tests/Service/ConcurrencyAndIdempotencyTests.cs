using CrmPlatform.Grpc;
using Npgsql;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class ConcurrencyAndIdempotencyTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task A_call_caught_in_a_deadlock_is_aborted_for_a_retry_and_writes_nothing()
    {
        var tenant = TestData.NewTenant();
        var rep = server.Rep(tenant);
        var account = await _client.CreateAccountAsync(TestData.Company("Deadlock Ltd"), rep.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Dana", "Lock"), rep.Headers);
        await using var other = await server.Database.OpenConnectionAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await LockAsync(transaction, "accounts", account.Name);

        var recording = _client.RecordInteractionAsync(
            InteractionData.Interaction(contact: contact.Name, subject: "Caught in a deadlock"), rep.Headers).ResponseAsync;
        await WaitUntilBlockedAsync("deleted_at IS NULL FOR UPDATE");
        var lockingContact = LockAsync(transaction, "contacts", contact.Name);
        var aborted = await Assert.ThrowsAsync<RpcException>(() => recording);
        await lockingContact;
        await transaction.RollbackAsync();

        Assert.Equal(StatusCode.Aborted, aborted.StatusCode);
        Assert.Contains("retry", aborted.Status.Detail);
        Assert.Equal(0L, await server.ScalarAsync<long>("SELECT count(*) FROM interactions WHERE tenant_id = $1", tenant));
    }

    [Fact]
    public async Task A_contact_added_while_its_account_is_being_deleted_is_not_found_instead_of_lost_with_it()
    {
        var tenant = TestData.NewTenant();
        var rep = server.Rep(tenant);
        var account = await _client.CreateAccountAsync(TestData.Company("Closing Down Ltd"), rep.Headers);
        await using var other = await server.Database.OpenConnectionAsync();
        await using var deletion = await other.BeginTransactionAsync();
        await LockAsync(deletion, "accounts", account.Name);

        var adding = _client.CreateContactAsync(TestData.Contact(account, "Late", "Comer"), rep.Headers).ResponseAsync;
        await WaitUntilBlockedAsync("FOR KEY SHARE");
        await ExecuteAsync(deletion, "UPDATE accounts SET deleted_at = now() WHERE id = $1", InteractionData.IdOf(account.Name));
        await deletion.CommitAsync();
        var notFound = await Assert.ThrowsAsync<RpcException>(() => adding);

        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(0L, await server.ScalarAsync<long>("SELECT count(*) FROM contacts WHERE tenant_id = $1", tenant));
    }

    [Fact]
    public async Task Deleting_a_relationship_while_its_contact_is_being_deleted_waits_for_it_instead_of_deadlocking()
    {
        var tenant = TestData.NewTenant();
        var rep = server.Rep(tenant);
        var account = await _client.CreateAccountAsync(TestData.Company("Wayne Enterprises"), rep.Headers);
        var household = await _client.CreateAccountAsync(new Proto.CreateAccountRequest
        {
            Account = new Proto.Account { Kind = Proto.AccountKind.Household, DisplayName = "Wayne Manor" },
        }, rep.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Bruce", "Wayne"), rep.Headers);
        var member = await _client.CreateRelationshipAsync(new Proto.CreateRelationshipRequest
        {
            Relationship = new Proto.Relationship { Type = Proto.RelationshipType.HouseholdMember, Contact = contact.Name, Target = household.Name },
        }, rep.Headers);
        await using var other = await server.Database.OpenConnectionAsync();
        await using var deletion = await other.BeginTransactionAsync();
        await LockAsync(deletion, "contacts", contact.Name);

        var deleting = _client.DeleteRelationshipAsync(new Proto.DeleteRelationshipRequest { Name = member.Name }, rep.Headers).ResponseAsync;
        await WaitUntilBlockedAsync("FOR UPDATE");
        await ExecuteAsync(deletion, "DELETE FROM relationships WHERE contact_id = $1", InteractionData.IdOf(contact.Name));
        await deletion.CommitAsync();
        var gone = await Assert.ThrowsAsync<RpcException>(() => deleting);

        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_contact_updated_while_another_call_moves_it_to_another_account_is_updated_there()
    {
        var rep = server.Rep(TestData.NewTenant());
        var acme = await _client.CreateAccountAsync(TestData.Company("Acme"), rep.Headers);
        var globex = await _client.CreateAccountAsync(TestData.Company("Globex"), rep.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(acme, "Hank", "Scorpio"), rep.Headers);
        await using var other = await server.Database.OpenConnectionAsync();
        await using var move = await other.BeginTransactionAsync();
        await LockAsync(move, "contacts", contact.Name);
        await ExecuteAsync(move, "UPDATE contacts SET account_id = $1, version = version + 1 WHERE id = $2",
            InteractionData.IdOf(globex.Name), InteractionData.IdOf(contact.Name));

        var updating = _client.UpdateContactAsync(
            new Proto.UpdateContactRequest { Contact = new Proto.Contact { Name = contact.Name, JobTitle = "CEO" } }, rep.Headers).ResponseAsync;
        await WaitUntilBlockedAsync("FOR UPDATE");
        await move.CommitAsync();
        var updated = await updating;

        Assert.Equal(("CEO", globex.Name), (updated.JobTitle, updated.Account));
    }

    [Fact]
    public async Task An_interaction_updated_while_a_merge_moves_it_re_derives_the_account_it_is_on_now()
    {
        var rep = server.Rep(TestData.NewTenant());
        var acme = await _client.CreateAccountAsync(TestData.Company("Acme"), rep.Headers);
        var globex = await _client.CreateAccountAsync(TestData.Company("Globex"), rep.Headers);
        var call = await _client.RecordInteractionAsync(InteractionData.Interaction(acme.Name), rep.Headers);
        await using var other = await server.Database.OpenConnectionAsync();
        await using var merge = await other.BeginTransactionAsync();
        await LockAsync(merge, "accounts", acme.Name);
        await ExecuteAsync(merge, "UPDATE interactions SET account_id = $1 WHERE id = $2",
            InteractionData.IdOf(globex.Name), InteractionData.IdOf(call.Name));

        var updating = _client.UpdateInteractionAsync(new Proto.UpdateInteractionRequest
        {
            Interaction = new Proto.Interaction { Name = call.Name, Outcome = Proto.InteractionOutcome.Purchased },
        }, rep.Headers).ResponseAsync;
        await WaitUntilBlockedAsync("FOR UPDATE");
        await merge.CommitAsync();
        var updated = await updating;
        var globexAfter = await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = globex.Name }, rep.Headers);

        Assert.Equal(globex.Name, updated.Account);
        Assert.Equal(Proto.RelationshipPhase.Expansion, globexAfter.Phase);
    }

    [Fact]
    public async Task An_account_merge_waits_for_a_contact_moving_to_its_survivor_instead_of_deadlocking()
    {
        var admin = server.Admin(TestData.NewTenant());
        var survivor = await _client.CreateAccountAsync(TestData.Company("Initech"), admin.Headers);
        var merged = await _client.CreateAccountAsync(TestData.Company("Initech Inc"), admin.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(merged, "Bill", "Lumbergh"), admin.Headers);
        await using var other = await server.Database.OpenConnectionAsync();
        await using var move = await other.BeginTransactionAsync();
        await LockAsync(move, "contacts", contact.Name);

        var merging = _client.MergeAccountsAsync(
            new Proto.MergeAccountsRequest { Survivor = survivor.Name, Merged = { merged.Name } }, admin.Headers).ResponseAsync;
        await WaitUntilBlockedAsync("contacts");
        // UpdateContact moving the contact to the survivor: the contact locked first, then its new account.
        await ExecuteAsync(move, "SELECT 1 FROM accounts WHERE id = $1 FOR KEY SHARE", InteractionData.IdOf(survivor.Name));
        await ExecuteAsync(move, "UPDATE contacts SET account_id = $1, version = version + 1 WHERE id = $2",
            InteractionData.IdOf(survivor.Name), InteractionData.IdOf(contact.Name));
        await move.CommitAsync();
        await merging;
        var moved = await _client.GetContactAsync(new Proto.GetContactRequest { Name = contact.Name }, admin.Headers);

        Assert.Equal(survivor.Name, moved.Account);
    }

    [Fact]
    public async Task An_erasure_locks_the_person_s_accounts_in_id_order_and_waits_instead_of_deadlocking()
    {
        var admin = server.Admin(TestData.NewTenant());
        var household = await _client.CreateAccountAsync(new Proto.CreateAccountRequest
        {
            Account = new Proto.Account { Kind = Proto.AccountKind.Household, DisplayName = "The Novak household" },
        }, admin.Headers);
        await Task.Delay(10); // a later millisecond: her own account's id (UUID v7) sorts after the household's
        var own = await _client.CreateAccountAsync(TestData.Consumer("Zelda Novak", "zelda@novak.example"), admin.Headers);
        var zelda = await _client.CreateContactAsync(TestData.Contact(own, "Zelda", "Novak", "zelda@novak.example"), admin.Headers);
        await _client.CreateRelationshipAsync(new Proto.CreateRelationshipRequest
        {
            Relationship = new Proto.Relationship { Type = Proto.RelationshipType.HouseholdMember, Contact = zelda.Name, Target = household.Name },
        }, admin.Headers);
        await using var other = await server.Database.OpenConnectionAsync();
        await using var reevaluation = await other.BeginTransactionAsync();
        await LockAsync(reevaluation, "accounts", household.Name);

        var erasing = _client.ErasePersonalDataAsync(new Proto.ErasePersonalDataRequest { Contact = zelda.Name }, admin.Headers).ResponseAsync;
        await WaitUntilBlockedAsync("FOR UPDATE");
        // A re-evaluation of the value-tier rules locks the tenant's accounts in id order: the household, then her own.
        await LockAsync(reevaluation, "accounts", own.Name);
        await reevaluation.CommitAsync();
        await erasing;

        Assert.Equal(0L, await server.ScalarAsync<long>(
            "SELECT count(*) FROM contacts WHERE id = $1 AND given_name IS NOT NULL", InteractionData.IdOf(zelda.Name)));
    }

    [Theory]
    [InlineData("create")]
    [InlineData("import")]
    [InlineData("hand back")]
    public async Task An_account_added_or_handed_back_to_the_rules_while_they_are_being_replaced_gets_the_new_rules_tier(string how)
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var rep = server.Rep(tenant);
        await _client.ReplaceValueTierRulesAsync(new Proto.ReplaceValueTierRulesRequest
        {
            Rules = { new Proto.ValueTierRule { Tier = Proto.ValueTier.Medium, Kind = Proto.AccountKind.Company } },
        }, admin.Headers);
        await _client.CreateAccountAsync(TestData.Company("Early Bird Ltd"), rep.Headers);
        var tieredByHand = TestData.Company("Mid Change Ltd");
        tieredByHand.Account.ValueTier = Proto.ValueTier.Low;
        var byHand = how == "hand back" ? await _client.CreateAccountAsync(tieredByHand, rep.Headers) : null;
        await using var other = await server.Database.OpenConnectionAsync();
        await using var replacement = await other.BeginTransactionAsync();
        // What ReplaceValueTierRules holds while it re-evaluates the tenant's accounts: new rules, not yet committed, and their lock.
        await ExecuteAsync(replacement,
            """UPDATE value_tier_rules SET rules = jsonb_set(rules, '{0,tier}', '"Top"'), version = version + 1 WHERE tenant_id = $1""", tenant);
        await ExecuteAsync(replacement, "SELECT lock_value_tier_rules($1)", tenant);

        var adding = how switch
        {
            "create" => CreateAsync(rep, "Mid Change Ltd"),
            "import" => ImportAsync(rep, "Mid Change Ltd"),
            _ => HandBackAsync(rep, byHand!),
        };
        await Task.WhenAny(adding, WaitUntilBlockedAsync("value_tier_rules_"));
        await replacement.CommitAsync();
        await adding;

        var tops = await _client.ListAccountsAsync(new Proto.ListAccountsRequest { ValueTier = Proto.ValueTier.Top }, rep.Headers);
        Assert.Equal(["Mid Change Ltd"], tops.Accounts.Select(a => a.DisplayName));
    }

    [Fact]
    public async Task A_duplicate_scan_that_waits_for_another_scan_of_the_tenant_sees_what_was_added_meanwhile()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        await using var other = await server.Database.OpenConnectionAsync();
        await using (var otherScan = await other.BeginTransactionAsync())
        {
            await ExecuteAsync(otherScan, "SELECT pg_advisory_lock(hashtextextended('duplicate_scan:' || $1, 0))", tenant);
        }

        var scanning = _client.ListDuplicateGroupsAsync(new Proto.ListDuplicateGroupsRequest { RunScanNow = true }, admin.Headers).ResponseAsync;
        await WaitUntilBlockedAsync("duplicate_scan:");
        await _client.CreateAccountAsync(TestData.Consumer("John Smith", "JON.SMITH@ACME.COM"), admin.Headers);
        await _client.CreateAccountAsync(TestData.Consumer("Jon Smith", "jon.smith@acme.com").Confirmed(), admin.Headers);
        await using (var otherScanEnds = await other.BeginTransactionAsync())
        {
            await ExecuteAsync(otherScanEnds, "SELECT pg_advisory_unlock(hashtextextended('duplicate_scan:' || $1, 0))", tenant);
        }

        var scanned = await scanning;

        Assert.Equal(["John Smith", "Jon Smith"], Assert.Single(scanned.Groups).Members.Select(m => m.DisplayName));
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_is_aborted_and_changes_nothing()
    {
        var rep = server.Rep(TestData.NewTenant());
        var created = await _client.CreateAccountAsync(TestData.Company("Vandelay Industries"), rep.Headers);
        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = created.Name, Etag = created.Etag, DisplayName = "Vandelay Imports" },
        }, rep.Headers);

        var error = await TestData.FailsAsync(() => _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = created.Name, Etag = created.Etag, DisplayName = "Vandelay Exports" },
        }, rep.Headers));

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("Vandelay Imports",
            (await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = created.Name }, rep.Headers)).DisplayName);
    }

    [Fact]
    public async Task A_delete_or_contact_update_with_a_stale_etag_is_aborted()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Kramerica"), rep.Headers);
        var contact = await _client.CreateContactAsync(TestData.Contact(account, "Cosmo", "Kramer"), rep.Headers);
        await _client.UpdateContactAsync(new Proto.UpdateContactRequest { Contact = new Proto.Contact { Name = contact.Name, JobTitle = "Founder" } }, rep.Headers);
        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest { Account = new Proto.Account { Name = account.Name, Tags = { "x" } } }, rep.Headers);

        var staleContact = await TestData.FailsAsync(() => _client.UpdateContactAsync(new Proto.UpdateContactRequest
        {
            Contact = new Proto.Contact { Name = contact.Name, Etag = contact.Etag, JobTitle = "Intern" },
        }, rep.Headers));
        var staleDelete = await TestData.FailsAsync(() => _client.DeleteAccountAsync(
            new Proto.DeleteAccountRequest { Name = account.Name, Etag = account.Etag }, rep.Headers));

        Assert.Equal(StatusCode.Aborted, staleContact.StatusCode);
        Assert.Equal(StatusCode.Aborted, staleDelete.StatusCode);
    }

    [Fact]
    public async Task A_create_retried_after_its_record_was_merged_returns_the_survivor()
    {
        var admin = server.Admin(TestData.NewTenant());
        var accountRequest = TestData.Consumer("Olga Berg", "olga@example.org");
        accountRequest.RequestId = Guid.NewGuid().ToString();
        var account = await _client.CreateAccountAsync(accountRequest, admin.Headers);
        var survivingAccount = await _client.CreateAccountAsync(TestData.Consumer("Olga Berg", "OLGA@example.org").Confirmed(), admin.Headers);
        var contactRequest = TestData.Contact(survivingAccount, "Olga", "Berg", "olga@example.org");
        contactRequest.RequestId = Guid.NewGuid().ToString();
        var contact = await _client.CreateContactAsync(contactRequest, admin.Headers);
        var survivingContact = await _client.CreateContactAsync(
            TestData.Contact(survivingAccount, "Olga", "Berg", "OLGA@example.org").Confirmed(), admin.Headers);
        await _client.MergeAccountsAsync(
            new Proto.MergeAccountsRequest { Survivor = survivingAccount.Name, Merged = { account.Name } }, admin.Headers);
        await _client.MergeContactsAsync(
            new Proto.MergeContactsRequest { Survivor = survivingContact.Name, Merged = { contact.Name } }, admin.Headers);

        var retriedAccount = await _client.CreateAccountAsync(accountRequest, admin.Headers);
        var retriedContact = await _client.CreateContactAsync(contactRequest, admin.Headers);

        Assert.Equal(survivingAccount.Name, retriedAccount.Name);
        Assert.Equal(survivingContact.Name, retriedContact.Name);
    }

    [Fact]
    public async Task Retrying_a_create_with_the_same_request_id_returns_the_same_record_once()
    {
        var rep = server.Rep(TestData.NewTenant());
        var request = TestData.Company("Bluth Company", "george@bluth.com");
        request.RequestId = Guid.NewGuid().ToString();

        var first = await _client.CreateAccountAsync(request, rep.Headers);
        var retries = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ => await _client.CreateAccountAsync(request, rep.Headers)));

        Assert.All(retries, retry => Assert.Equal(first, retry));
        Assert.Equal(1L, await server.ScalarAsync<long>("SELECT count(*) FROM accounts WHERE tenant_id = $1", rep.TenantId));
    }

    [Fact]
    public async Task Concurrent_first_creates_with_one_request_id_make_one_record()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Dunder Mifflin"), rep.Headers);
        var request = TestData.Contact(account, "Michael", "Scott");
        request.RequestId = Guid.NewGuid().ToString();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ => await _client.CreateContactAsync(request, rep.Headers)));

        Assert.Single(results.Select(r => r.Name).Distinct());
        Assert.Equal(1L, await server.ScalarAsync<long>("SELECT count(*) FROM contacts WHERE tenant_id = $1", rep.TenantId));
    }

    private async Task CreateAsync(TestUser user, string company) =>
        await _client.CreateAccountAsync(TestData.Company(company), user.Headers);

    /// <summary>Clears a tier set by hand: the rules decide it again.</summary>
    private async Task HandBackAsync(TestUser user, Proto.Account account) =>
        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = account.Name },
            UpdateMask = TestData.Mask("value_tier"),
        }, user.Headers);

    private async Task ImportAsync(TestUser user, string company)
    {
        using var call = _client.ImportCustomers(user.Headers);
        await call.RequestStream.WriteAsync(new Proto.ImportCustomersRequest
        {
            ImportId = Guid.NewGuid().ToString(),
            Rows = { new Proto.ImportRow { RowKey = "1", Account = TestData.Company(company).Account } },
        });
        await call.RequestStream.CompleteAsync();
        Assert.Equal(1, (await call.ResponseAsync).CreatedAccounts);
    }

    /// <summary>Locks a record in another transaction, as a concurrent delete, merge or erasure does first.</summary>
    private static Task LockAsync(NpgsqlTransaction transaction, string table, string resourceName) =>
        ExecuteAsync(transaction, $"SELECT 1 FROM {table} WHERE id = $1 FOR UPDATE", InteractionData.IdOf(resourceName));

    private static async Task ExecuteAsync(NpgsqlTransaction transaction, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until a statement of the service containing <paramref name="text"/> waits for a lock.</summary>
    private async Task WaitUntilBlockedAsync(string text)
    {
        const string Waiting = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND strpos(query, $1) > 0";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await server.ScalarAsync<long>(Waiting, text) == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }
}
