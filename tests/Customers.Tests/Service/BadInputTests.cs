using CrmPlatform.Grpc;
using Npgsql;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class BadInputTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    public static TheoryData<string, Proto.CreateAccountRequest, string> BadAccounts => new()
    {
        { "empty name", TestData.Company("   "), "account.display_name" },
        { "10 KB name", TestData.Company(new string('x', 10_240)), "account.display_name" },
        { "email without domain", TestData.Company("Acme", email: "john@"), "account.email" },
        { "email with two ats", TestData.Company("Acme", email: "john@@acme.com"), "account.email" },
        { "email with spaces", TestData.Company("Acme", email: "john smith@acme.com"), "account.email" },
        { "phone with letters", TestData.Company("Acme", phone: "555-CALL-NOW"), "account.phone" },
        { "phone too short", TestData.Company("Acme", phone: "+1 555 01"), "account.phone" },
        { "phone too long", TestData.Company("Acme", phone: "+44 20 7183 8750 1234"), "account.phone" },
        { "unknown country code", TestData.Company("Acme", phone: "+28 1234 5678"), "account.phone" },
        { "bad domain", TestData.Company("Acme", domain: "not a domain"), "account.domain" },
        { "unknown country", WithAddress(TestData.Company("Acme"), new Proto.PostalAddress { RegionCode = "Atlantis" }), "account.address.region_code" },
        { "no kind", new Proto.CreateAccountRequest { Account = new Proto.Account { DisplayName = "Acme" } }, "account.kind" },
        { "bad request id", new Proto.CreateAccountRequest { Account = TestData.Company("Acme").Account, RequestId = "again" }, "request_id" },
    };

    private static Proto.CreateAccountRequest WithAddress(Proto.CreateAccountRequest request, Proto.PostalAddress address)
    {
        request.Account.Address = address;
        return request;
    }

    [Theory]
    [MemberData(nameof(BadAccounts))]
    public async Task A_bad_account_is_invalid_argument_naming_the_field(string _, Proto.CreateAccountRequest request, string field)
    {
        var rep = server.Rep(TestData.NewTenant());

        var error = await TestData.FailsAsync(() => _client.CreateAccountAsync(request, rep.Headers));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
        Assert.True(error.Status.Detail.Length < 300, "the message stays short even for a 10 KB input");
    }

    [Fact]
    public async Task A_contact_without_any_name_or_with_a_malformed_account_is_invalid()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Acme"), rep.Headers);

        var nameless = await TestData.FailsAsync(() => _client.CreateContactAsync(TestData.Contact(account, " ", ""), rep.Headers));
        var badAccount = await TestData.FailsAsync(() => _client.CreateContactAsync(new Proto.CreateContactRequest
        {
            Contact = new Proto.Contact { Account = "acme", GivenName = "John" },
        }, rep.Headers));

        Assert.Equal(StatusCode.InvalidArgument, nameless.StatusCode);
        Assert.StartsWith("contact.given_name", nameless.Status.Detail);
        Assert.StartsWith("contact.account:", badAccount.Status.Detail);
    }

    [Fact]
    public async Task An_update_of_an_unknown_or_output_only_field_is_invalid()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Acme"), rep.Headers);

        var error = await TestData.FailsAsync(() => _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = account.Name, TenantId = "other" },
            UpdateMask = TestData.Mask("tenant_id"),
        }, rep.Headers));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("update_mask:", error.Status.Detail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("users/42")]
    [InlineData("accounts/not-a-uuid")]
    public async Task A_history_request_for_anything_but_an_account_or_contact_is_invalid(string parent)
    {
        var rep = server.Rep(TestData.NewTenant());

        var error = await TestData.FailsAsync(() => _client.ListFieldChangesAsync(new Proto.ListFieldChangesRequest { Parent = parent }, rep.Headers));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("parent:", error.Status.Detail);
    }

    [Fact]
    public async Task A_huge_page_size_is_clamped_to_the_maximum()
    {
        var admin = server.Admin(TestData.NewTenant());
        await InsertAccountsAsync(admin.TenantId, 1005);

        var first = await _client.ListAccountsAsync(new Proto.ListAccountsRequest { PageSize = 1_000_000 }, admin.Headers);
        var second = await _client.ListAccountsAsync(
            new Proto.ListAccountsRequest { PageSize = 1_000_000, PageToken = first.NextPageToken }, admin.Headers);

        Assert.Equal(1000, first.Accounts.Count);
        Assert.Equal(5, second.Accounts.Count);
        Assert.Equal("", second.NextPageToken);
    }

    [Fact]
    public async Task An_export_streams_every_matching_account_past_the_page_size_limit()
    {
        var admin = server.Admin(TestData.NewTenant());
        await InsertAccountsAsync(admin.TenantId, 1205);

        using var export = _client.ExportAccounts(
            new Proto.ExportAccountsRequest { Filter = new Proto.ListAccountsRequest { Query = "bulk" } }, admin.Headers);
        var names = new List<string>();
        await foreach (var account in export.ResponseStream.ReadAllAsync())
        {
            names.Add(account.Name);
        }

        Assert.Equal(1205, names.Distinct().Count());
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task A_negative_page_size_or_a_foreign_page_token_is_invalid()
    {
        var admin = server.Admin(TestData.NewTenant());
        await InsertAccountsAsync(admin.TenantId, 3);
        var page = await _client.ListAccountsAsync(new Proto.ListAccountsRequest { PageSize = 1 }, admin.Headers);

        var negative = await TestData.FailsAsync(() => _client.ListAccountsAsync(new Proto.ListAccountsRequest { PageSize = -1 }, admin.Headers));
        var otherFilter = await TestData.FailsAsync(() => _client.ListAccountsAsync(
            new Proto.ListAccountsRequest { PageToken = page.NextPageToken, Tag = "vip" }, admin.Headers));
        var garbage = await TestData.FailsAsync(() => _client.ListAccountsAsync(
            new Proto.ListAccountsRequest { PageToken = "not-a-token" }, admin.Headers));

        Assert.StartsWith("page_size:", negative.Status.Detail);
        Assert.StartsWith("page_token:", otherFilter.Status.Detail);
        Assert.StartsWith("page_token:", garbage.Status.Detail);
        Assert.All([negative, otherFilter, garbage], e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
    }

    [Theory]
    [InlineData("no channel", "interaction.channel")]
    [InlineData("unknown channel", "interaction.channel")]
    [InlineData("unknown outcome", "interaction.outcome")]
    [InlineData("future occur time", "interaction.occur_time")]
    [InlineData("10 KB subject", "interaction.subject")]
    [InlineData("notes over 10,000 characters", "interaction.notes")]
    [InlineData("contact of another account", "interaction.contact")]
    [InlineData("neither account nor contact", "interaction.account")]
    [InlineData("malformed account", "interaction.account")]
    [InlineData("follow-up without due time", "interaction.follow_up.due_time")]
    [InlineData("bad request id", "request_id")]
    public async Task A_bad_interaction_is_invalid_argument_naming_the_field(string problem, string field)
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Acme"), rep.Headers);
        var other = await _client.CreateAccountAsync(TestData.Company("Other Corp"), rep.Headers);
        var stranger = await _client.CreateContactAsync(TestData.Contact(other, "Sam", "Stranger"), rep.Headers);
        var request = InteractionData.Interaction(account.Name);
        var interaction = request.Interaction;
        switch (problem)
        {
            case "no channel": interaction.Channel = Proto.InteractionChannel.Unspecified; break;
            case "unknown channel": interaction.Channel = (Proto.InteractionChannel)42; break;
            case "unknown outcome": interaction.Outcome = (Proto.InteractionOutcome)99; break;
            case "future occur time": interaction.OccurTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)); break;
            case "10 KB subject": interaction.Subject = new string('x', 10_240); break;
            case "notes over 10,000 characters": interaction.Notes = new string('n', 10_001); break;
            case "contact of another account": interaction.Contact = stranger.Name; break;
            case "neither account nor contact": interaction.Account = ""; break;
            case "malformed account": interaction.Account = "acme"; break;
            case "follow-up without due time": interaction.FollowUp = new Proto.FollowUp { Note = "call back" }; break;
            default: request.RequestId = "again"; break;
        }

        var error = await TestData.FailsAsync(() => _client.RecordInteractionAsync(request, rep.Headers));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
        Assert.True(error.Status.Detail.Length < 300, "the message stays short even for a 10 KB input");
        Assert.Empty((await _client.ListInteractionsAsync(new Proto.ListInteractionsRequest { Parent = account.Name }, rep.Headers)).Interactions);
    }

    [Fact]
    public async Task Bad_interaction_updates_lists_and_policies_are_invalid_naming_the_field()
    {
        var admin = server.Admin(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Acme"), admin.Headers);
        var recorded = await _client.RecordInteractionAsync(InteractionData.Interaction(account.Name), admin.Headers);

        var unknownPath = await TestData.FailsAsync(() => _client.UpdateInteractionAsync(new Proto.UpdateInteractionRequest
        {
            Interaction = new Proto.Interaction { Name = recorded.Name, Account = "accounts/x" },
            UpdateMask = TestData.Mask("account"),
        }, admin.Headers));
        var noFollowUp = await TestData.FailsAsync(() => _client.UpdateInteractionAsync(new Proto.UpdateInteractionRequest
        {
            Interaction = new Proto.Interaction { Name = recorded.Name, FollowUp = new Proto.FollowUp { Done = true } },
        }, admin.Headers));
        var badParent = await TestData.FailsAsync(() => _client.ListInteractionsAsync(new Proto.ListInteractionsRequest { Parent = "users/1" }, admin.Headers));
        var badPolicy = await TestData.FailsAsync(() => _client.UpdateContactPolicyAsync(new Proto.UpdateContactPolicyRequest
        {
            Policy = new Proto.ContactPolicy { RepeatedContactThreshold = -1 },
        }, admin.Headers));

        Assert.StartsWith("update_mask:", unknownPath.Status.Detail);
        Assert.StartsWith("interaction.follow_up.done:", noFollowUp.Status.Detail);
        Assert.StartsWith("parent:", badParent.Status.Detail);
        Assert.StartsWith("policy.repeated_contact_threshold:", badPolicy.Status.Detail);
        Assert.All([unknownPath, noFollowUp, badParent, badPolicy], e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
    }

    /// <summary>Bad merges, given the names of a consumer survivor, a consumer to merge and a company.</summary>
    public static TheoryData<string, Func<string, string, string, Proto.MergeAccountsRequest>, string> BadMerges => new()
    {
        { "no survivor", (_, merged, _) => new() { Merged = { merged } }, "survivor" },
        { "malformed survivor", (_, merged, _) => new() { Survivor = "acme", Merged = { merged } }, "survivor" },
        { "nothing merged", (survivor, _, _) => new() { Survivor = survivor }, "merged" },
        { "a contact among accounts", (survivor, _, _) => new() { Survivor = survivor, Merged = { "contacts/" + Guid.CreateVersion7() } }, "merged" },
        { "the survivor among the merged", (survivor, merged, _) => new() { Survivor = survivor, Merged = { merged, survivor } }, "merged" },
        { "an unknown field", (survivor, merged, _) => new() { Survivor = survivor, Merged = { merged }, FieldSources = { ["colour"] = merged } },
            "field_sources.colour" },
        { "a source outside the merge", (survivor, merged, company) => new()
            {
                Survivor = survivor, Merged = { merged }, FieldSources = { ["email"] = company },
            }, "field_sources.email" },
        { "an undefined custom field", (survivor, merged, _) => new()
            {
                Survivor = survivor, Merged = { merged }, FieldSources = { ["custom_fields.nope"] = merged },
            }, "field_sources.custom_fields.nope" },
        { "accounts of different kinds", (survivor, _, company) => new() { Survivor = survivor, Merged = { company } }, "merged" },
    };

    [Theory]
    [MemberData(nameof(BadMerges))]
    public async Task A_bad_merge_is_invalid_argument_naming_the_field_and_merges_nothing(
        string _, Func<string, string, string, Proto.MergeAccountsRequest> request, string field)
    {
        var admin = server.Admin(TestData.NewTenant());
        var survivor = await _client.CreateAccountAsync(TestData.Consumer("Ann Survivor"), admin.Headers);
        var merged = await _client.CreateAccountAsync(TestData.Consumer("Ann Merged"), admin.Headers);
        var company = await _client.CreateAccountAsync(TestData.Company("Annco"), admin.Headers);

        var error = await TestData.FailsAsync(() => _client.MergeAccountsAsync(request(survivor.Name, merged.Name, company.Name), admin.Headers));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
        Assert.Equal(3, (await _client.ListAccountsAsync(new Proto.ListAccountsRequest(), admin.Headers)).Accounts.Count);
    }

    [Fact]
    public async Task Bad_duplicate_listings_and_import_names_are_invalid_naming_the_field()
    {
        var admin = server.Admin(TestData.NewTenant());

        var negative = await TestData.FailsAsync(() => _client.ListDuplicateGroupsAsync(
            new Proto.ListDuplicateGroupsRequest { PageSize = -1 }, admin.Headers));
        var recordType = await TestData.FailsAsync(() => _client.ListDuplicateGroupsAsync(
            new Proto.ListDuplicateGroupsRequest { RecordType = (Proto.RecordType)99 }, admin.Headers));
        var token = await TestData.FailsAsync(() => _client.ListDuplicateGroupsAsync(
            new Proto.ListDuplicateGroupsRequest { PageToken = "not-a-token" }, admin.Headers));
        var importName = await TestData.FailsAsync(() => _client.GetImportAsync(new Proto.GetImportRequest { Name = "imports/x" }, admin.Headers));

        Assert.StartsWith("page_size:", negative.Status.Detail);
        Assert.StartsWith("record_type:", recordType.Status.Detail);
        Assert.StartsWith("page_token:", token.Status.Detail);
        Assert.StartsWith("name:", importName.Status.Detail);
        Assert.All([negative, recordType, token, importName], e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
    }

    private async Task InsertAccountsAsync(string tenantId, int count)
    {
        await using var command = server.Database.CreateCommand(
            """
            INSERT INTO accounts (id, tenant_id, kind, display_name, owner_user_id, team, phase, version, created_by, created_at, updated_at, name_key)
            SELECT gen_random_uuid(), $1, 1, 'Bulk ' || n, 'loader', '', 1, 1, 'loader', now(), now(), 'bulk ' || n
            FROM generate_series(1, $2) AS n
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        await command.ExecuteNonQueryAsync();
    }
}
