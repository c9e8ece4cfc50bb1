using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class RelationshipTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task A_contact_works_for_a_company_belongs_to_a_household_and_reports_to_a_manager()
    {
        var rep = server.Rep(TestData.NewTenant());
        var (acme, household, ada, grace) = await SetUpAsync(rep);

        var worksFor = await RelateAsync(rep, Proto.RelationshipType.WorksFor, ada, acme.Name, "Procurement lead");
        await RelateAsync(rep, Proto.RelationshipType.HouseholdMember, ada, household.Name);
        await RelateAsync(rep, Proto.RelationshipType.ReportsTo, ada, grace.Name);

        var ofAda = await _client.ListRelationshipsAsync(new Proto.ListRelationshipsRequest { Parent = ada.Name }, rep.Headers);
        var ofAcme = await _client.ListRelationshipsAsync(new Proto.ListRelationshipsRequest { Parent = acme.Name }, rep.Headers);
        var ofGrace = await _client.ListRelationshipsAsync(new Proto.ListRelationshipsRequest { Parent = grace.Name }, rep.Headers);
        var history = await _client.ListFieldChangesAsync(new Proto.ListFieldChangesRequest { Parent = ada.Name }, rep.Headers);

        Assert.Equal(
            [(Proto.RelationshipType.WorksFor, acme.Name), (Proto.RelationshipType.HouseholdMember, household.Name), (Proto.RelationshipType.ReportsTo, grace.Name)],
            ofAda.Relationships.Select(r => (r.Type, r.Target)).OrderBy(r => r.Type));
        Assert.Equal([worksFor], ofAcme.Relationships);
        Assert.Equal("Procurement lead", worksFor.Description);
        Assert.Equal([ada.Name], ofGrace.Relationships.Select(r => r.Contact));
        Assert.Contains(history.Changes, c => c.Field == "relationships.works_for" && c.NewValue == acme.Name);
    }

    [Fact]
    public async Task A_relationship_must_point_at_the_right_kind_of_record()
    {
        var rep = server.Rep(TestData.NewTenant());
        var (acme, household, ada, _) = await SetUpAsync(rep);

        var worksForHousehold = await FailsToRelateAsync(rep, Proto.RelationshipType.WorksFor, ada, household.Name);
        var memberOfCompany = await FailsToRelateAsync(rep, Proto.RelationshipType.HouseholdMember, ada, acme.Name);
        var reportsToAccount = await FailsToRelateAsync(rep, Proto.RelationshipType.ReportsTo, ada, acme.Name);
        var noType = await FailsToRelateAsync(rep, Proto.RelationshipType.Unspecified, ada, acme.Name);

        Assert.All([worksForHousehold, memberOfCompany, reportsToAccount, noType], e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.StartsWith("relationship.target:", worksForHousehold.Status.Detail);
        Assert.StartsWith("relationship.target:", reportsToAccount.Status.Detail);
        Assert.StartsWith("relationship.type:", noType.Status.Detail);
    }

    [Fact]
    public async Task Reporting_lines_cannot_form_a_cycle()
    {
        var rep = server.Rep(TestData.NewTenant());
        var (acme, _, ada, grace) = await SetUpAsync(rep);
        var alan = await _client.CreateContactAsync(TestData.Contact(acme, "Alan", "Turing"), rep.Headers);
        await RelateAsync(rep, Proto.RelationshipType.ReportsTo, ada, grace.Name);
        await RelateAsync(rep, Proto.RelationshipType.ReportsTo, grace, alan.Name);

        var cycle = await FailsToRelateAsync(rep, Proto.RelationshipType.ReportsTo, alan, ada.Name);
        var self = await FailsToRelateAsync(rep, Proto.RelationshipType.ReportsTo, ada, ada.Name);

        Assert.Equal(StatusCode.InvalidArgument, cycle.StatusCode);
        Assert.Contains("cycle", cycle.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, self.StatusCode);
    }

    [Fact]
    public async Task The_same_relationship_twice_already_exists_and_a_deleted_one_is_gone()
    {
        var rep = server.Rep(TestData.NewTenant());
        var (acme, _, ada, _) = await SetUpAsync(rep);
        var worksFor = await RelateAsync(rep, Proto.RelationshipType.WorksFor, ada, acme.Name);

        var again = await FailsToRelateAsync(rep, Proto.RelationshipType.WorksFor, ada, acme.Name);
        await _client.DeleteRelationshipAsync(new Proto.DeleteRelationshipRequest { Name = worksFor.Name }, rep.Headers);

        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
        Assert.Empty((await _client.ListRelationshipsAsync(new Proto.ListRelationshipsRequest { Parent = ada.Name }, rep.Headers)).Relationships);
        var history = await _client.ListFieldChangesAsync(new Proto.ListFieldChangesRequest { Parent = ada.Name }, rep.Headers);
        Assert.Contains(history.Changes, c => c.Field == "relationships.works_for" && c.OldValue == acme.Name && c.NewValue == "");
    }

    [Fact]
    public async Task Relationships_need_write_access_to_the_contact_and_stay_within_the_tenant()
    {
        var tenant = TestData.NewTenant();
        var rep = server.Rep(tenant);
        var (acme, _, ada, _) = await SetUpAsync(rep);
        var analyst = server.User(tenant, "analyst-1", ["analyst"]);
        var elsewhere = server.Admin(TestData.NewTenant());
        var foreignCompany = await _client.CreateAccountAsync(TestData.Company("Foreign Co"), elsewhere.Headers);

        var byAnalyst = await FailsToRelateAsync(analyst, Proto.RelationshipType.WorksFor, ada, acme.Name);
        var toOtherTenant = await FailsToRelateAsync(rep, Proto.RelationshipType.WorksFor, ada, foreignCompany.Name);
        var fromOtherTenant = await FailsToRelateAsync(elsewhere, Proto.RelationshipType.WorksFor, ada, foreignCompany.Name);

        Assert.Equal(StatusCode.PermissionDenied, byAnalyst.StatusCode);
        Assert.Equal(StatusCode.NotFound, toOtherTenant.StatusCode);
        Assert.Equal(StatusCode.NotFound, fromOtherTenant.StatusCode);
    }

    private async Task<(Proto.Account Acme, Proto.Account Household, Proto.Contact Ada, Proto.Contact Grace)> SetUpAsync(TestUser rep)
    {
        var acme = await _client.CreateAccountAsync(TestData.Company("Acme"), rep.Headers);
        var household = await _client.CreateAccountAsync(new Proto.CreateAccountRequest
        {
            Account = new Proto.Account { Kind = Proto.AccountKind.Household, DisplayName = "Lovelace household" },
        }, rep.Headers);
        var ada = await _client.CreateContactAsync(TestData.Contact(acme, "Ada", "Lovelace"), rep.Headers);
        var grace = await _client.CreateContactAsync(TestData.Contact(acme, "Grace", "Hopper"), rep.Headers);
        return (acme, household, ada, grace);
    }

    private async Task<Proto.Relationship> RelateAsync(
        TestUser user, Proto.RelationshipType type, Proto.Contact contact, string target, string description = "") =>
        await _client.CreateRelationshipAsync(new Proto.CreateRelationshipRequest
        {
            Relationship = new Proto.Relationship { Type = type, Contact = contact.Name, Target = target, Description = description },
        }, user.Headers);

    private Task<RpcException> FailsToRelateAsync(TestUser user, Proto.RelationshipType type, Proto.Contact contact, string target) =>
        TestData.FailsAsync(() => _client.CreateRelationshipAsync(new Proto.CreateRelationshipRequest
        {
            Relationship = new Proto.Relationship { Type = type, Contact = contact.Name, Target = target },
        }, user.Headers));
}
