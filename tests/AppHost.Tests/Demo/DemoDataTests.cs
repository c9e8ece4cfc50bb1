using CrmPlatform.AppHost.Demo;
using CrmPlatform.AppHost.Orchestration;
using CrmPlatform.AppHost.Tests.Infrastructure;
using CrmPlatform.Contracts.Customers.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmPlatform.AppHost.Tests.Demo;

public sealed class DemoDataTests(DemoPlatformFixture platform) : IClassFixture<DemoPlatformFixture>
{
    [Fact]
    public void Demo_start_reports_what_it_loaded_in_one_line_per_step()
    {
        var messages = platform.Logs.Messages.Where(m => m.StartsWith("demo:", StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(messages, m => m.Contains("failed", StringComparison.Ordinal));
        Assert.Contains("demo: 4 custom fields (4 new)", messages);
        var all = DemoPlatformFixture.AllAccounts;
        var totals = $"demo: {all.Count} accounts, {all.Sum(a => a.Contacts.Count)} contacts, ";
        Assert.Contains(messages, m => m.StartsWith(totals, StringComparison.Ordinal) && m.Contains("interactions in tenant 'default'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_account_list_holds_companies_consumers_and_households_of_several_owners()
    {
        var accounts = await ListAccountsAsync(new ListAccountsRequest());
        var generated = DemoPlatformFixture.AllAccounts.Skip(DemoAccounts.All.Count).ToList();

        Assert.Equal(DemoPlatformFixture.AllAccounts.Count, accounts.Count);
        Assert.Equal(28 + generated.Count(a => a.Kind == AccountKind.Company), accounts.Count(a => a.Kind == AccountKind.Company));
        Assert.Equal(10 + generated.Count(a => a.Kind == AccountKind.Consumer), accounts.Count(a => a.Kind == AccountKind.Consumer));
        Assert.Equal(2, accounts.Count(a => a.Kind == AccountKind.Household));
        Assert.True(accounts.Select(a => a.OwnerUserId).Distinct().Count() >= 5);
        var northwind = Assert.Single(accounts, a => a.DisplayName == "Northwind Traders");
        Assert.Equal("Retail", northwind.CustomFields["industry"].ChoiceValue);
        Assert.Equal(ValueTier.Top, northwind.ValueTier);
        Assert.Equal("San Francisco", northwind.Address.Locality);
    }

    [Fact]
    public async Task The_360_view_shows_contacts_relationships_timeline_consent_and_phase_history()
    {
        var northwind = await FindAsync("Northwind Traders");

        var view = await platform.Customers.GetCustomer360Async(new GetCustomer360Request { Account = northwind.Name }, platform.Admin);

        Assert.Equal(["Maria", "Tom", "Aisha"], view.Contacts.Select(c => c.GivenName));
        Assert.Contains(view.Relationships, r => r.Type == RelationshipType.ReportsTo);
        Assert.Equal(DemoStories.Timeline(DemoAccounts.All[0], 0).Count, view.InteractionCount);
        Assert.True(view.Timeline.Select(i => i.Channel).Distinct().Count() >= 4);
        Assert.Contains(view.Consents, c => c.Current.Any(r => r.Purpose == ConsentPurpose.MarketingEmail && r.Granted));
        Assert.Equal(RelationshipPhase.Commitment, view.Account.Phase);
        Assert.Equal(
            [RelationshipPhase.Exploration, RelationshipPhase.Expansion, RelationshipPhase.Commitment],
            view.PhaseHistory.Select(p => p.ToPhase).Reverse());
        Assert.Equal(CommitmentSegment.Entrenched, view.Account.Commitment.Segment);
    }

    [Fact]
    public async Task Generated_companies_have_staff_reporting_to_a_decision_maker_a_timeline_and_fictional_phones()
    {
        var demo = DemoPlatformFixture.AllAccounts.First(a => a.Key.StartsWith("gen-", StringComparison.Ordinal) && a.Kind == AccountKind.Company && a.Contacts.Count > 2);
        var account = await FindAsync(demo.DisplayName);

        var view = await platform.Customers.GetCustomer360Async(new GetCustomer360Request { Account = account.Name }, platform.Admin);

        Assert.Equal(demo.Contacts.Select(c => c.GivenName), view.Contacts.Select(c => c.GivenName));
        Assert.Equal(demo.Contacts.Count - 1, view.Relationships.Count(r => r.Type == RelationshipType.ReportsTo));
        Assert.Equal(DemoStories.Timeline(demo, DemoPlatformFixture.AllAccounts.ToList().IndexOf(demo)).Count, view.InteractionCount);
        Assert.Matches(@"^\+(1\d{3}55501\d\d|44\d{6}0\d{3}|49305550\d{4})$", account.Phone);
        Assert.Equal(account.Domain, view.Contacts[0].Email.Split('@')[1]);
        Assert.NotEmpty(view.Contacts[0].Phone);
        Assert.All(view.Contacts.Skip(1), c => Assert.Empty(c.Phone));
    }

    [Fact]
    public async Task Staff_of_generated_companies_have_interactions_of_their_own_and_the_story_still_decides_the_phase()
    {
        var accounts = (await ListAccountsAsync(new ListAccountsRequest())).ToLookup(a => a.DisplayName);
        var companies = DemoPlatformFixture.AllAccounts
            .Where(a => a.Key.StartsWith("gen-", StringComparison.Ordinal) && a.Kind == AccountKind.Company && a.Contacts.Count > 1)
            .ToList();
        var demo = companies.First(c => c.Contacts.Count > 2);
        var account = Assert.Single(accounts[demo.DisplayName]);
        var view = await platform.Customers.GetCustomer360Async(new GetCustomer360Request { Account = account.Name }, platform.Admin);
        var own = await platform.Customers.ListInteractionsAsync(
            new ListInteractionsRequest { Parent = view.Contacts[2].Name, PageSize = 100 }, platform.Admin);

        var planned = DemoStories.Timeline(demo, DemoPlatformFixture.AllAccounts.ToList().IndexOf(demo)).Count(e => e.Step.Contact == 2);
        Assert.True(planned >= 3, $"{planned} interactions of the third contact");
        Assert.Equal(planned, own.Interactions.Count);
        Assert.All(own.Interactions, i => Assert.False(i.RepeatedContact));
        Assert.All(companies, demo => Assert.Equal(PhaseOf(demo.Story), Assert.Single(accounts[demo.DisplayName]).Phase));
    }

    [Fact]
    public async Task Each_generated_near_duplicate_is_on_the_duplicates_page_as_soon_as_the_demo_is_loaded()
    {
        var twins = DemoPlatformFixture.AllAccounts.Where(a => a.Key.EndsWith("-twin", StringComparison.Ordinal)).ToList();

        var scan = await platform.Customers.ListDuplicateGroupsAsync(
            new ListDuplicateGroupsRequest { RecordType = RecordType.Account, PageSize = 100 }, platform.Admin);

        Assert.NotNull(scan.ScanTime);
        var groups = scan.Groups;
        Assert.NotEmpty(twins);
        foreach (var twin in twins)
        {
            var original = DemoPlatformFixture.AllAccounts.Single(a => a.Key == twin.Key[..^"-twin".Length]);
            Assert.Contains(groups, g => g.Members.Select(m => m.DisplayName).Order().SequenceEqual(new[] { original.DisplayName, twin.DisplayName }.Order()));
        }
    }

    [Fact]
    public async Task Every_commitment_segment_and_every_relationship_phase_occurs()
    {
        foreach (var segment in System.Enum.GetValues<CommitmentSegment>().Where(s => s != CommitmentSegment.Unspecified))
        {
            Assert.NotEmpty(await ListAccountsAsync(new ListAccountsRequest { CommitmentSegment = segment }));
        }

        foreach (var phase in System.Enum.GetValues<RelationshipPhase>().Where(p => p != RelationshipPhase.Unspecified))
        {
            Assert.NotEmpty(await ListAccountsAsync(new ListAccountsRequest { Phase = phase }));
        }
    }

    [Fact]
    public async Task A_rep_has_overdue_follow_ups_and_a_completed_one_has_left_the_list()
    {
        var overdue = await platform.Customers.ListFollowUpsAsync(
            new ListFollowUpsRequest { OwnerUserId = DemoDataSet.Diego.Id, DueBefore = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), PageSize = 100 },
            platform.Admin);
        var all = await platform.Customers.ListFollowUpsAsync(new ListFollowUpsRequest { OwnerUserId = DemoDataSet.Ben.Id, PageSize = 100 }, platform.Admin);
        var northwind = await FindAsync("Northwind Traders");
        var timeline = await platform.Customers.ListInteractionsAsync(new ListInteractionsRequest { Parent = northwind.Name, PageSize = 100 }, platform.Admin);

        Assert.NotEmpty(overdue.Interactions);
        Assert.All(overdue.Interactions, i => Assert.True(i.FollowUp.DueTime.ToDateTimeOffset() < DateTimeOffset.UtcNow));
        Assert.Contains(all.Interactions, i => i.FollowUp.DueTime.ToDateTimeOffset() > DateTimeOffset.UtcNow);
        var completed = Assert.Single(timeline.Interactions, i => i.FollowUp?.Done == true);
        Assert.DoesNotContain(all.Interactions, i => i.Name == completed.Name);
    }

    [Fact]
    public async Task Repeated_call_attempts_are_flagged_with_the_earlier_attempts()
    {
        var account = await FindAsync("Adventure Works Cycles");

        var repeated = await platform.Customers.ListInteractionsAsync(new ListInteractionsRequest { Parent = account.Name, RepeatedOnly = true }, platform.Admin);

        Assert.Equal(2, repeated.Interactions.Count);
        Assert.All(repeated.Interactions, i => Assert.NotEmpty(i.PreviousAttempts));
    }

    [Fact]
    public async Task A_withdrawn_consent_is_the_current_one()
    {
        var zara = await FindAsync("Zara Ahmed");
        var contact = Assert.Single((await platform.Customers.ListContactsAsync(new ListContactsRequest { Account = zara.Name }, platform.Admin)).Contacts);

        var consents = await platform.Customers.ListConsentsAsync(new ListConsentsRequest { Contact = contact.Name }, platform.Admin);

        Assert.False(Assert.Single(consents.Current, c => c.Purpose == ConsentPurpose.MarketingEmail).Granted);
        Assert.Contains(consents.Ledger, c => c.Purpose == ConsentPurpose.MarketingEmail && c.Granted);
    }

    [Fact]
    public async Task Loading_the_demo_data_again_creates_nothing_new()
    {
        var before = await CountEverythingAsync();
        var seeder = new DemoSeeder(
            platform.Customers, platform.Tokens, DemoDataExtensions.DemoTenant, DemoPlatformFixture.GeneratedAccounts, NullLogger.Instance, TimeProvider.System);

        var counts = await seeder.SeedAsync(CancellationToken.None);

        Assert.NotNull(counts);
        Assert.Equal(before, await CountEverythingAsync());
    }

    [Fact]
    public async Task A_failed_load_is_reported_as_an_error_naming_the_step_and_the_platform_keeps_running()
    {
        var logs = new LogCapture();
        var wrongKey = platform.Tokens with { SigningKey = "a-signing-key-the-customers-service-does-not-know" };
        var seeder = new DemoSeeder(
            platform.Customers, wrongKey, DemoDataExtensions.DemoTenant, DemoPlatformFixture.GeneratedAccounts, logs.CreateLogger("demo"), TimeProvider.System);

        var counts = await seeder.SeedAsync(CancellationToken.None);

        Assert.Null(counts);
        var error = logs.Messages.Last();
        Assert.StartsWith("demo: loading the demo data failed at custom fields: Unauthenticated", error, StringComparison.Ordinal);
        Assert.Equal(ResourceState.Running, platform.App.GetResource("customers").State);
    }

    private async Task<string> CountEverythingAsync()
    {
        var accounts = await ListAccountsAsync(new ListAccountsRequest());
        var contacts = (await platform.Customers.ListContactsAsync(new ListContactsRequest { PageSize = 1000 }, platform.Admin)).Contacts;
        int interactions = 0, relationships = 0, consents = 0;
        foreach (var account in accounts)
        {
            interactions += (await platform.Customers.GetCustomer360Async(new GetCustomer360Request { Account = account.Name }, platform.Admin)).InteractionCount;
        }

        foreach (var contact in contacts)
        {
            relationships += (await platform.Customers.ListRelationshipsAsync(new ListRelationshipsRequest { Parent = contact.Name }, platform.Admin))
                .Relationships.Count(r => r.Contact == contact.Name);
            consents += (await platform.Customers.ListConsentsAsync(new ListConsentsRequest { Contact = contact.Name }, platform.Admin)).Ledger.Count;
        }

        var fields = (await platform.Customers.ListCustomFieldDefinitionsAsync(new ListCustomFieldDefinitionsRequest(), platform.Admin)).Definitions.Count;
        var rules = await platform.Customers.GetValueTierRulesAsync(new GetValueTierRulesRequest(), platform.Admin);
        return $"{accounts.Count} accounts, {contacts.Count} contacts, {interactions} interactions, {relationships} relationships, "
            + $"{consents} consent entries, {fields} custom fields, {rules.Rules.Count} value-tier rules of {rules.UpdateTime}";
    }

    private static RelationshipPhase PhaseOf(DemoStory story) => story switch
    {
        DemoStory.Prospect => RelationshipPhase.Awareness,
        DemoStory.Exploring => RelationshipPhase.Exploration,
        DemoStory.FirstPurchase => RelationshipPhase.Expansion,
        DemoStory.Loyal => RelationshipPhase.Commitment,
        _ => RelationshipPhase.Dissolution,
    };

    private async Task<Account> FindAsync(string displayName) =>
        Assert.Single(await ListAccountsAsync(new ListAccountsRequest()), a => a.DisplayName == displayName);

    private async Task<IReadOnlyList<Account>> ListAccountsAsync(ListAccountsRequest request)
    {
        request.PageSize = 1000;
        return (await platform.Customers.ListAccountsAsync(request, platform.Admin)).Accounts;
    }
}
