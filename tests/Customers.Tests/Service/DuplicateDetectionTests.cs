using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Grpc;
using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class DuplicateDetectionTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task A_consumer_resembling_an_existing_one_is_refused_with_the_scored_candidate_until_confirmed()
    {
        var rep = server.Rep(TestData.NewTenant());
        var john = await _client.CreateAccountAsync(TestData.Consumer("John Smith", "JON.SMITH@ACME.COM"), rep.Headers);

        var error = await TestData.FailsAsync(() => _client.CreateAccountAsync(TestData.Consumer("Jon Smith", "jon.smith@acme.com"), rep.Headers));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains(john.Name, error.Status.Detail);
        var candidate = Assert.Single(Candidates(error).Candidates);
        Assert.Equal(john.Name, candidate.Name);
        Assert.Equal("John Smith", candidate.DisplayName);
        Assert.True(candidate.Score >= 0.75, $"score {candidate.Score}");
        Assert.Contains("email", candidate.MatchedFields);
        Assert.Contains("name", candidate.MatchedFields);

        var confirmed = await _client.CreateAccountAsync(TestData.Consumer("Jon Smith", "jon.smith@acme.com").Confirmed(), rep.Headers);
        Assert.NotEqual(john.Name, confirmed.Name);
    }

    [Fact]
    public async Task A_contact_resembling_an_existing_contact_is_refused_with_the_candidate()
    {
        var rep = server.Rep(TestData.NewTenant());
        var acme = await _client.CreateAccountAsync(TestData.Company("Acme", domain: "acme.com"), rep.Headers);
        var john = await _client.CreateContactAsync(TestData.Contact(acme, "John", "Smith", "JON.SMITH@ACME.COM"), rep.Headers);

        var error = await TestData.FailsAsync(
            () => _client.CreateContactAsync(TestData.Contact(acme, "Jon", "Smith", "jon.smith@acme.com"), rep.Headers));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        var candidate = Assert.Single(Candidates(error).Candidates);
        Assert.Equal(john.Name, candidate.Name);
        Assert.Contains("company_domain", candidate.MatchedFields);
    }

    [Fact]
    public async Task Colleagues_at_the_same_company_are_not_duplicates()
    {
        var rep = server.Rep(TestData.NewTenant());
        var acme = await _client.CreateAccountAsync(TestData.Company("Acme", domain: "acme.com"), rep.Headers);
        await _client.CreateContactAsync(TestData.Contact(acme, "John", "Smith", "john.smith@acme.com"), rep.Headers);

        var jane = await _client.CreateContactAsync(TestData.Contact(acme, "Jane", "Doe", "jane.doe@acme.com"), rep.Headers);

        Assert.Equal("Jane", jane.GivenName);
    }

    [Fact]
    public async Task A_colleague_sharing_the_company_switchboard_is_created_without_confirmation_but_the_same_person_is_not()
    {
        var rep = server.Rep(TestData.NewTenant());
        var acme = await _client.CreateAccountAsync(TestData.Company("Acme", domain: "acme.com"), rep.Headers);
        var ann = await _client.CreateContactAsync(Reachable(TestData.Contact(acme, "Ann", "Lee"), "+1 212 555 0100"), rep.Headers);

        var bob = await _client.CreateContactAsync(Reachable(TestData.Contact(acme, "Bob", "Stone"), "212-555-0100"), rep.Headers);
        var error = await TestData.FailsAsync(() =>
            _client.CreateContactAsync(Reachable(TestData.Contact(acme, "Anne", "Lee"), "(212) 555-0100"), rep.Headers));

        Assert.Equal("+12125550100", bob.Phone);
        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal([ann.Name, bob.Name], Candidates(error).Candidates.Select(c => c.Name));
    }

    [Fact]
    public async Task The_customer_with_the_same_email_is_found_however_many_namesakes_came_before()
    {
        var rep = server.Rep(TestData.NewTenant());
        for (var i = 1; i <= 60; i++)
        {
            await _client.CreateAccountAsync(TestData.Consumer("John Smith", $"jsmith@family{i}.com").Confirmed(), rep.Headers);
        }

        var john = await _client.CreateAccountAsync(TestData.Consumer("John Smith", "JON.SMITH@ACME.COM").Confirmed(), rep.Headers);

        var error = await TestData.FailsAsync(() => _client.CreateAccountAsync(TestData.Consumer("Jon Smith", "jon.smith@acme.com"), rep.Headers));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(john.Name, Candidates(error).Candidates[0].Name);
    }

    [Fact]
    public async Task The_contact_with_the_same_email_is_found_however_many_namesakes_the_company_has()
    {
        var rep = server.Rep(TestData.NewTenant());
        var acme = await _client.CreateAccountAsync(TestData.Company("Acme", domain: "acme.com"), rep.Headers);
        for (var i = 1; i <= 60; i++)
        {
            await _client.CreateContactAsync(TestData.Contact(acme, "John", "Smith", $"john.smith.{i}@acme.com").Confirmed(), rep.Headers);
        }

        var john = await _client.CreateContactAsync(TestData.Contact(acme, "John", "Smith", "JON.SMITH@ACME.COM").Confirmed(), rep.Headers);

        var error = await TestData.FailsAsync(() => _client.CreateContactAsync(TestData.Contact(acme, "Jon", "Smith", "jon.smith@acme.com"), rep.Headers));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(john.Name, Candidates(error).Candidates[0].Name);
        Assert.Contains("email", Candidates(error).Candidates[0].MatchedFields);
    }

    [Fact]
    public async Task A_phone_that_more_than_twenty_customers_share_is_a_placeholder_and_no_evidence_of_a_duplicate()
    {
        var rep = server.Rep(TestData.NewTenant());
        const string placeholder = "+1 202 555 0100";
        var maria = await _client.CreateAccountAsync(TestData.Consumer("Maria Garcia", phone: placeholder), rep.Headers);
        for (var i = 2; i <= SharedDetails.MaxHolders; i++)
        {
            await _client.CreateAccountAsync(TestData.Consumer($"Imported Customer {i}", phone: placeholder).Confirmed(), rep.Headers);
        }

        var refused = await TestData.FailsAsync(() => _client.CreateAccountAsync(TestData.Consumer("M. Garcia", phone: placeholder), rep.Headers));
        await _client.CreateAccountAsync(TestData.Consumer("Imported Customer 21", phone: placeholder).Confirmed(), rep.Headers);
        var created = await _client.CreateAccountAsync(TestData.Consumer("M. Garcia", phone: placeholder), rep.Headers);

        Assert.Equal(StatusCode.AlreadyExists, refused.StatusCode);
        Assert.Equal(maria.Name, Candidates(refused).Candidates[0].Name);
        Assert.Equal(("M. Garcia", "+12025550100"), (created.DisplayName, created.Phone));
    }

    [Fact]
    public async Task Numbered_branches_of_one_company_are_created_without_confirmation()
    {
        var rep = server.Rep(TestData.NewTenant());
        await _client.CreateAccountAsync(TestData.Company("Acme Store 001", "store001@acme.com", domain: "acme.com"), rep.Headers);

        var second = await _client.CreateAccountAsync(TestData.Company("Acme Store 002", "store002@acme.com", domain: "acme.com"), rep.Headers);
        var error = await TestData.FailsAsync(() =>
            _client.CreateAccountAsync(TestData.Company("Acme Store 2", "store2@acme.com", domain: "acme.com"), rep.Headers));

        Assert.Equal("Acme Store 002", second.DisplayName);
        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(second.Name, Assert.Single(Candidates(error).Candidates).Name);
    }

    [Fact]
    public async Task The_same_phone_number_written_differently_is_a_duplicate()
    {
        var rep = server.Rep(TestData.NewTenant());
        await _client.CreateAccountAsync(TestData.Consumer("Maria Garcia", phone: "+1 (212) 555-0142"), rep.Headers);

        var error = await TestData.FailsAsync(() => _client.CreateAccountAsync(TestData.Consumer("M. Garcia", phone: "212.555.0142"), rep.Headers));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains("phone", Assert.Single(Candidates(error).Candidates).MatchedFields);
    }

    [Fact]
    public async Task Candidates_the_caller_may_not_read_are_reported_without_their_name()
    {
        var tenant = TestData.NewTenant();
        var admin = server.Admin(tenant);
        var rep = server.Rep(tenant);
        await _client.CreateAccountAsync(TestData.Consumer("Wei Zhang", "wei.zhang@example.org").OwnedBy("rep-9", "south"), admin.Headers);

        var error = await TestData.FailsAsync(() => _client.CreateAccountAsync(TestData.Consumer("Wei Zhang", "wei.zhang@example.org"), rep.Headers));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal("", Assert.Single(Candidates(error).Candidates).DisplayName);
        Assert.DoesNotContain("Wei", error.Status.Detail);
    }

    private static Proto.DuplicateCandidates Candidates(RpcException error) =>
        Proto.DuplicateCandidates.Parser.ParseFrom(error.Trailers.GetValueBytes(DomainErrorInterceptor.DuplicateCandidatesTrailer));

    private static Proto.CreateContactRequest Reachable(Proto.CreateContactRequest request, string phone)
    {
        request.Contact.Phone = phone;
        return request;
    }
}
