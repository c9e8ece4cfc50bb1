using CrmPlatform.Contracts.Events;
using CrmPlatform.Customers.Application;
using CrmPlatform.ServiceDefaults.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Proto = CrmPlatform.Contracts.Customers.V1;
using static CrmPlatform.Customers.Tests.Service.InteractionData;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class PhaseDerivationServiceTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task The_phase_follows_the_interactions_and_every_change_is_in_the_history_and_published()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Los Pollos Hermanos"), rep.Headers);
        await _client.RecordInteractionAsync(Interaction(account.Name, outcome: Proto.InteractionOutcome.NotReached, at: DaysAgo(50)), rep.Headers);
        var afterAttempt = await GetAsync(account, rep);
        await _client.RecordInteractionAsync(Interaction(account.Name, direction: Proto.InteractionDirection.Inbound, at: DaysAgo(40)), rep.Headers);
        await _client.RecordInteractionAsync(Interaction(account.Name, outcome: Proto.InteractionOutcome.Purchased, at: DaysAgo(30)), rep.Headers);
        await _client.RecordInteractionAsync(Interaction(account.Name, purpose: Proto.InteractionPurpose.Purchase, at: DaysAgo(20)), rep.Headers);
        var afterTwoPurchases = await GetAsync(account, rep);
        await _client.RecordInteractionAsync(Interaction(account.Name, outcome: Proto.InteractionOutcome.Purchased), rep.Headers);

        var final = await GetAsync(account, rep);
        var history = await _client.ListPhaseChangesAsync(new Proto.ListPhaseChangesRequest { Account = account.Name }, rep.Headers);

        Assert.Equal(Proto.RelationshipPhase.Awareness, afterAttempt.Phase);
        Assert.Equal(Proto.RelationshipPhase.Expansion, afterTwoPurchases.Phase);
        Assert.Equal((Proto.RelationshipPhase.Commitment, false), (final.Phase, final.PhaseOverride));
        Assert.Equal(["3 purchases in 365 days", "first purchase", "first inbound interaction"], history.Changes.Select(c => c.Reason));
        Assert.Equal([Proto.RelationshipPhase.Commitment, Proto.RelationshipPhase.Expansion, Proto.RelationshipPhase.Exploration],
            history.Changes.Select(c => c.ToPhase));
        Assert.All(history.Changes, c => Assert.Equal(rep.UserId, c.ChangedBy));
        var published = await server.Events.WaitForAsync<RelationshipPhaseChanged>(
            e => e.AccountId == IdOf(account.Name) && e.ToPhase == "Commitment");
        Assert.Equal(("Expansion", "3 purchases in 365 days"), (published.FromPhase, published.Source));
    }

    [Fact]
    public async Task A_manual_phase_holds_against_the_signals_until_the_override_is_cleared()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Madrigal Electromotive"), rep.Headers);

        var overridden = await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = account.Name, Phase = Proto.RelationshipPhase.Commitment },
        }, rep.Headers);
        await _client.RecordInteractionAsync(Interaction(account.Name, direction: Proto.InteractionDirection.Inbound), rep.Headers);
        var held = await GetAsync(account, rep);
        var cleared = await _client.UpdateAccountAsync(new Proto.UpdateAccountRequest
        {
            Account = new Proto.Account { Name = account.Name },
            UpdateMask = TestData.Mask("phase_override"),
        }, rep.Headers);
        var history = await _client.ListPhaseChangesAsync(new Proto.ListPhaseChangesRequest { Account = account.Name, PageSize = 1 }, rep.Headers);
        var older = await _client.ListPhaseChangesAsync(
            new Proto.ListPhaseChangesRequest { Account = account.Name, PageSize = 1, PageToken = history.NextPageToken }, rep.Headers);

        Assert.Equal((Proto.RelationshipPhase.Commitment, true), (overridden.Phase, overridden.PhaseOverride));
        Assert.Equal((Proto.RelationshipPhase.Commitment, true), (held.Phase, held.PhaseOverride));
        Assert.Equal((Proto.RelationshipPhase.Exploration, false), (cleared.Phase, cleared.PhaseOverride));
        Assert.Equal((Proto.RelationshipPhase.Commitment, Proto.RelationshipPhase.Exploration, "first inbound interaction"),
            (history.Changes.Single().FromPhase, history.Changes.Single().ToPhase, history.Changes.Single().Reason));
        Assert.Equal((Proto.RelationshipPhase.Awareness, "manual"), (older.Changes.Single().FromPhase, older.Changes.Single().Reason));
        Assert.Equal("", older.NextPageToken);
    }

    [Fact]
    public async Task A_cancellation_dissolves_the_relationship()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Gray Matter"), rep.Headers);
        await _client.RecordInteractionAsync(Interaction(account.Name, outcome: Proto.InteractionOutcome.Purchased, at: DaysAgo(10)), rep.Headers);
        var recorded = await _client.RecordInteractionAsync(Interaction(account.Name, direction: Proto.InteractionDirection.Inbound,
            purpose: Proto.InteractionPurpose.Service, outcome: Proto.InteractionOutcome.Resolved), rep.Headers);

        await _client.UpdateInteractionAsync(new Proto.UpdateInteractionRequest
        {
            Interaction = new Proto.Interaction { Name = recorded.Name, Outcome = Proto.InteractionOutcome.Cancelled },
        }, rep.Headers);

        var dissolved = await GetAsync(account, rep);
        var history = await _client.ListPhaseChangesAsync(new Proto.ListPhaseChangesRequest { Account = account.Name }, rep.Headers);
        Assert.Equal(Proto.RelationshipPhase.Dissolution, dissolved.Phase);
        Assert.Equal("cancelled", history.Changes.First().Reason);
    }

    [Fact]
    public async Task Two_purchases_become_commitment_once_the_customer_is_assessed_as_committed()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Vamonos Pest"), rep.Headers);
        await _client.RecordInteractionAsync(Interaction(account.Name, outcome: Proto.InteractionOutcome.Purchased, at: DaysAgo(60)), rep.Headers);
        await _client.RecordInteractionAsync(Interaction(account.Name, outcome: Proto.InteractionOutcome.Purchased, at: DaysAgo(5)), rep.Headers);
        var beforeAssessment = await GetAsync(account, rep);

        var assessed = await _client.RecordCommitmentAnswersAsync(new Proto.RecordCommitmentAnswersRequest
        {
            Account = account.Name,
            Answers = new Proto.CommitmentAnswers { IsCustomer = true, Satisfaction = 5, Involvement = 5, AlternativeAppeal = 1, Difference = 5 },
        }, rep.Headers);

        Assert.Equal(Proto.RelationshipPhase.Expansion, beforeAssessment.Phase);
        Assert.True(assessed.Commitment.Committed);
        Assert.Equal(Proto.RelationshipPhase.Commitment, assessed.Phase);
    }

    [Fact]
    public async Task The_scheduled_sweep_dissolves_a_relationship_without_interaction_for_180_days()
    {
        var rep = server.Rep(TestData.NewTenant());
        var account = await _client.CreateAccountAsync(TestData.Company("Beneke Fabricators"), rep.Headers);
        await _client.RecordInteractionAsync(Interaction(account.Name, direction: Proto.InteractionDirection.Inbound, at: DaysAgo(10)), rep.Headers);
        var sweep = new DerivationSweep(server.Database, new AccountDerivation(new Outbox(new OutboxSignal())), NullLogger<DerivationSweep>.Instance);
        using var service = new DerivationSweepService(sweep, new ShiftedClock(TimeSpan.FromDays(175)),
            new DerivationSweepSettings(TimeSpan.FromMilliseconds(100)), NullLogger<DerivationSweepService>.Instance);

        await service.StartAsync(CancellationToken.None);
        var published = await server.Events.WaitForAsync<RelationshipPhaseChanged>(
            e => e.AccountId == IdOf(account.Name) && e.ToPhase == "Dissolution");
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(("Exploration", "Dissolution", "no interaction for 180 days", "service:customers"),
            (published.FromPhase, published.ToPhase, published.Source, published.ChangedBy));
        Assert.Equal(Proto.RelationshipPhase.Dissolution, (await GetAsync(account, rep)).Phase);
    }

    private async Task<Proto.Account> GetAsync(Proto.Account account, TestUser user) =>
        await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = account.Name }, user.Headers);

    /// <summary>The system clock moved ahead, so that the sweep sees today's data as old.</summary>
    private sealed class ShiftedClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
    }
}
