using CrmPlatform.Contracts.Events;
using CrmPlatform.Customers.Application;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Proto = CrmPlatform.Contracts.Customers.V1;
using static CrmPlatform.Customers.Tests.Service.InteractionData;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class ValueTierTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task Replacing_the_rules_re_evaluates_every_account_except_those_tiered_by_hand()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var rep = server.Rep(tenant);
        await _client.CreateCustomFieldDefinitionAsync(new Proto.CreateCustomFieldDefinitionRequest
        {
            Definition = new Proto.CustomFieldDefinition
            {
                Key = "annual_revenue", RecordType = Proto.RecordType.Account, DisplayName = "Annual revenue", Type = Proto.CustomFieldType.Number,
            },
        }, admin.Headers);
        var big = TestData.Company("Massive Dynamic");
        big.Account.CustomFields["annual_revenue"] = new Proto.CustomFieldValue { NumberValue = 5_000_000 };
        var massive = await _client.CreateAccountAsync(big, rep.Headers);
        var strategic = TestData.Company("Kord Industries");
        strategic.Account.Tags.Add("strategic");
        var kord = await _client.CreateAccountAsync(strategic, rep.Headers);
        var small = await _client.CreateAccountAsync(TestData.Company("Corner Shop"), rep.Headers);
        var byHand = TestData.Company("Hand Picked");
        byHand.Account.ValueTier = Proto.ValueTier.Low;
        var picked = await _client.CreateAccountAsync(byHand, rep.Headers);

        var replaced = await _client.ReplaceValueTierRulesAsync(new Proto.ReplaceValueTierRulesRequest
        {
            Rules =
            {
                new Proto.ValueTierRule { Tier = Proto.ValueTier.Top, Tag = "Strategic" },
                new Proto.ValueTierRule { Tier = Proto.ValueTier.High, CustomFieldKey = "annual_revenue", MinNumber = 1_000_000 },
                new Proto.ValueTierRule { Tier = Proto.ValueTier.Medium, Kind = Proto.AccountKind.Company },
            },
        }, admin.Headers);

        var read = await _client.GetValueTierRulesAsync(new Proto.GetValueTierRulesRequest(), rep.Headers);
        Assert.Equal(replaced, read);
        Assert.Equal("strategic", read.Rules[0].Tag);
        Assert.NotNull(read.UpdateTime);
        Assert.Equal((Proto.ValueTier.High, "rule:1"), await TierAsync(massive, rep));
        Assert.Equal((Proto.ValueTier.Top, "rule:0"), await TierAsync(kord, rep));
        Assert.Equal((Proto.ValueTier.Medium, "rule:2"), await TierAsync(small, rep));
        Assert.Equal((Proto.ValueTier.Low, "manual"), await TierAsync(picked, rep));
        var tops = await _client.ListAccountsAsync(new Proto.ListAccountsRequest { ValueTier = Proto.ValueTier.Top }, rep.Headers);
        Assert.Equal([kord.Name], tops.Accounts.Select(a => a.Name));
    }

    [Fact]
    public async Task Account_writes_and_purchases_re_evaluate_the_tier_and_clearing_a_manual_tier_hands_it_back_to_the_rules()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var rep = server.Rep(tenant);
        await _client.ReplaceValueTierRulesAsync(new Proto.ReplaceValueTierRulesRequest
        {
            Rules =
            {
                new Proto.ValueTierRule { Tier = Proto.ValueTier.Top, MinPurchasesLastYear = 2 },
                new Proto.ValueTierRule { Tier = Proto.ValueTier.High, Tag = "key-account" },
            },
        }, admin.Headers);
        var account = await _client.CreateAccountAsync(TestData.Company("Globex"), rep.Headers);
        var untiered = await TierAsync(account, rep);

        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest { Account = new Proto.Account { Name = account.Name, Tags = { "key-account" } } }, rep.Headers);
        var tagged = await TierAsync(account, rep);
        await _client.RecordInteractionAsync(Interaction(account.Name, outcome: Proto.InteractionOutcome.Purchased, at: DaysAgo(100)), rep.Headers);
        await _client.RecordInteractionAsync(Interaction(account.Name, outcome: Proto.InteractionOutcome.Purchased), rep.Headers);
        var buyer = await TierAsync(account, rep);
        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest { Account = new Proto.Account { Name = account.Name, ValueTier = Proto.ValueTier.Low } }, rep.Headers);
        var manual = await TierAsync(account, rep);
        await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = account.Name },
            UpdateMask = TestData.Mask("value_tier"),
        }, rep.Headers);
        var handedBack = await TierAsync(account, rep);

        Assert.Equal((Proto.ValueTier.Unspecified, ""), untiered);
        Assert.Equal((Proto.ValueTier.High, "rule:1"), tagged);
        Assert.Equal((Proto.ValueTier.Top, "rule:0"), buyer);
        Assert.Equal((Proto.ValueTier.Low, "manual"), manual);
        Assert.Equal((Proto.ValueTier.Top, "rule:0"), handedBack);
    }

    [Fact]
    public async Task Bad_rules_are_refused_naming_the_rule_and_only_an_admin_replaces_them()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);

        async Task<RpcException> ReplaceAsync(TestUser user, params Proto.ValueTierRule[] rules) =>
            await TestData.FailsAsync(() => _client.ReplaceValueTierRulesAsync(new Proto.ReplaceValueTierRulesRequest { Rules = { rules } }, user.Headers));

        var noTier = await ReplaceAsync(admin, new Proto.ValueTierRule { Tier = Proto.ValueTier.Low }, new Proto.ValueTierRule { Tag = "vip" });
        var unknownField = await ReplaceAsync(admin, new Proto.ValueTierRule { Tier = Proto.ValueTier.Top, CustomFieldKey = "revenue", MinNumber = 1 });
        var tooMany = await ReplaceAsync(admin, Enumerable.Range(0, 51).Select(_ => new Proto.ValueTierRule { Tier = Proto.ValueTier.Low }).ToArray());
        var byRep = await ReplaceAsync(server.Rep(tenant), new Proto.ValueTierRule { Tier = Proto.ValueTier.Low });

        Assert.StartsWith("rules[1].tier:", noTier.Status.Detail);
        Assert.StartsWith("rules[0].custom_field_key:", unknownField.Status.Detail);
        Assert.StartsWith("rules:", tooMany.Status.Detail);
        Assert.All([noTier, unknownField, tooMany], e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.Equal(StatusCode.PermissionDenied, byRep.StatusCode);
        Assert.Empty((await _client.GetValueTierRulesAsync(new Proto.GetValueTierRulesRequest(), admin.Headers)).Rules);
    }

    [Fact]
    public async Task A_create_applies_rules_that_another_replica_replaced_after_this_one_last_applied_them()
    {
        var tenant = TestData.NewTenant();
        var rep = server.Rep(tenant);
        var before = await _client.CreateAccountAsync(TestData.Company("Early Bird"), rep.Headers);
        await using (var replica = await CustomersProcess.StartAsync(server, CustomersServiceExtensions.DatabaseName))
        {
            await replica.Client.ReplaceValueTierRulesAsync(new Proto.ReplaceValueTierRulesRequest
            {
                Rules = { new Proto.ValueTierRule { Tier = Proto.ValueTier.High, Kind = Proto.AccountKind.Company } },
            }, server.Admin(tenant).Headers);
        }

        var after = await _client.CreateAccountAsync(TestData.Company("Late Comer"), rep.Headers);

        Assert.Equal(Proto.ValueTier.Unspecified, before.ValueTier);
        Assert.Equal((Proto.ValueTier.High, "rule:0"), (after.ValueTier, after.ValueTierSource));
        Assert.Equal((Proto.ValueTier.High, "rule:0"), await TierAsync(before, rep));
    }

    [Fact]
    public async Task A_tier_earned_by_last_year_s_purchases_lapses_when_one_leaves_the_window_with_no_write_to_the_account()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var rep = server.Rep(tenant);
        await _client.ReplaceValueTierRulesAsync(new Proto.ReplaceValueTierRulesRequest
        {
            Rules =
            {
                new Proto.ValueTierRule { Tier = Proto.ValueTier.Top, MinPurchasesLastYear = 2 },
                new Proto.ValueTierRule { Tier = Proto.ValueTier.Medium, Kind = Proto.AccountKind.Company },
            },
        }, admin.Headers);
        var buyer = await _client.CreateAccountAsync(TestData.Company("Los Pollos Hermanos"), rep.Headers);
        await _client.RecordInteractionAsync(Interaction(buyer.Name, outcome: Proto.InteractionOutcome.Purchased, at: DaysAgo(300)), rep.Headers);
        await _client.RecordInteractionAsync(Interaction(buyer.Name, outcome: Proto.InteractionOutcome.Purchased, at: DaysAgo(30)), rep.Headers);
        var pickedByHand = TestData.Company("Madrigal Electromotive");
        pickedByHand.Account.ValueTier = Proto.ValueTier.Top;
        var picked = await _client.CreateAccountAsync(pickedByHand, rep.Headers);
        await _client.RecordInteractionAsync(Interaction(picked.Name, outcome: Proto.InteractionOutcome.Purchased, at: DaysAgo(300)), rep.Headers);
        var earned = await TierAsync(buyer, rep);
        var sweep = new DerivationSweep(server.Database, new AccountDerivation(new Outbox(new OutboxSignal())), NullLogger<DerivationSweep>.Instance);

        // 70 days from now the purchase of 300 days ago is 370 days old: one purchase left in the last year.
        await sweep.AgeValueTiersAsync(DateTimeOffset.UtcNow.AddDays(70), CancellationToken.None);
        var published = await server.Events.WaitForAsync<CustomerUpdated>(
            e => e.AccountId == IdOf(buyer.Name) && e.UpdatedBy == AccountDerivation.ServiceUser);

        Assert.Equal((Proto.ValueTier.Top, "rule:0"), earned);
        Assert.Equal((Proto.ValueTier.Medium, "rule:1"), await TierAsync(buyer, rep));
        Assert.Contains("value_tier", published.ChangedFields);
        Assert.Equal((Proto.ValueTier.Top, "manual"), await TierAsync(picked, rep));
        var history = await _client.ListFieldChangesAsync(new Proto.ListFieldChangesRequest { Parent = buyer.Name }, rep.Headers);
        Assert.Single(history.Changes, c => c.Field == "value_tier" && c.ChangedBy == AccountDerivation.ServiceUser);
    }

    private async Task<(Proto.ValueTier, string)> TierAsync(Proto.Account account, TestUser user)
    {
        var current = await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = account.Name }, user.Headers);
        return (current.ValueTier, current.ValueTierSource);
    }
}
