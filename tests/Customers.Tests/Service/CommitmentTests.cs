using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class CommitmentTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task Recorded_answers_place_the_account_in_a_segment_shown_on_the_record_filterable_and_audited()
    {
        var rep = server.Rep(TestData.NewTenant());
        var loyal = await _client.CreateAccountAsync(TestData.Consumer("Loyal Lou"), rep.Headers);
        var prospect = await _client.CreateAccountAsync(TestData.Consumer("Switching Sam"), rep.Headers);

        var assessed = await _client.RecordCommitmentAnswersAsync(Answers(loyal, true, 5, 5, 1, 4), rep.Headers);
        await _client.RecordCommitmentAnswersAsync(Answers(prospect, false, 2, 2, 4, 2), rep.Headers);
        var available = await _client.ListAccountsAsync(
            new Proto.ListAccountsRequest { CommitmentSegment = Proto.CommitmentSegment.Available }, rep.Headers);
        var history = await _client.ListFieldChangesAsync(new Proto.ListFieldChangesRequest { Parent = loyal.Name }, rep.Headers);

        Assert.Equal(Proto.CommitmentSegment.Entrenched, assessed.Commitment.Segment);
        Assert.True(assessed.Commitment.Committed);
        Assert.Equal(96, assessed.Commitment.Score);
        Assert.Equal(assessed, await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = loyal.Name }, rep.Headers));
        Assert.Equal([prospect.Name], available.Accounts.Select(a => a.Name));
        Assert.Contains(history.Changes, c => c.Field == "commitment.segment" && c.NewValue == "Entrenched");
    }

    [Fact]
    public async Task Answers_out_of_range_are_invalid_and_read_only_roles_cannot_record_them()
    {
        var tenant = TestData.NewTenant();
        var rep = server.Rep(tenant);
        var account = await _client.CreateAccountAsync(TestData.Consumer("Olive Oyl"), rep.Headers);

        var outOfRange = await TestData.FailsAsync(() => _client.RecordCommitmentAnswersAsync(Answers(account, true, 7, 3, 3, 3), rep.Headers));
        var byAnalyst = await TestData.FailsAsync(() => _client.RecordCommitmentAnswersAsync(
            Answers(account, true, 3, 3, 3, 3), server.User(tenant, "analyst-1", ["analyst"]).Headers));

        Assert.Equal(StatusCode.InvalidArgument, outOfRange.StatusCode);
        Assert.StartsWith("answers.satisfaction:", outOfRange.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, byAnalyst.StatusCode);
    }

    private static Proto.RecordCommitmentAnswersRequest Answers(
        Proto.Account account, bool isCustomer, int satisfaction, int involvement, int appeal, int difference) => new()
    {
        Account = account.Name,
        Answers = new Proto.CommitmentAnswers
        {
            IsCustomer = isCustomer,
            Satisfaction = satisfaction,
            Involvement = involvement,
            AlternativeAppeal = appeal,
            Difference = difference,
        },
    };
}
