using CrmPlatform.Grpc;
using static CrmPlatform.Customers.Tests.Service.InteractionData;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

/// <summary>Merges keep the contact history: every interaction ends up on the survivor's timeline.</summary>
[Collection(CustomersServerCollection.Name)]
public sealed class MergeTimelineTests(CustomersServer server)
{
    private readonly Proto.Customers.CustomersClient _client = server.Client;

    [Fact]
    public async Task A_merge_of_accounts_keeps_every_interaction_and_re_derives_the_survivors_phase()
    {
        var admin = server.Admin(TestData.NewTenant());
        var survivor = await _client.CreateAccountAsync(TestData.Consumer("Nora Quist", "nora@example.org"), admin.Headers);
        var merged = await _client.CreateAccountAsync(TestData.Consumer("Nora Quist", "NORA@example.org").Confirmed(), admin.Headers);
        var survivorContact = await _client.CreateContactAsync(TestData.Contact(survivor, "Nora", "Quist"), admin.Headers);
        var mergedContact = await _client.CreateContactAsync(TestData.Contact(merged, "Nils", "Quist"), admin.Headers);
        var recorded = new[]
        {
            await _client.RecordInteractionAsync(Interaction(survivor.Name), admin.Headers),
            await _client.RecordInteractionAsync(Interaction(contact: survivorContact.Name), admin.Headers),
            await _client.RecordInteractionAsync(Interaction(merged.Name, direction: Proto.InteractionDirection.Inbound), admin.Headers),
            await _client.RecordInteractionAsync(Interaction(contact: mergedContact.Name, outcome: Proto.InteractionOutcome.Purchased), admin.Headers),
        };
        var before = await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = survivor.Name }, admin.Headers);

        var result = await _client.MergeAccountsAsync(new Proto.MergeAccountsRequest { Survivor = survivor.Name, Merged = { merged.Name } }, admin.Headers);
        var timeline = await _client.ListInteractionsAsync(new Proto.ListInteractionsRequest { Parent = survivor.Name }, admin.Headers);
        var mergedContactTimeline = await _client.ListInteractionsAsync(
            new Proto.ListInteractionsRequest { Parent = mergedContact.Name }, admin.Headers);
        var phases = await _client.ListPhaseChangesAsync(new Proto.ListPhaseChangesRequest { Account = survivor.Name }, admin.Headers);

        Assert.Equal(recorded.Select(i => i.Name).Order(), timeline.Interactions.Select(i => i.Name).Order());
        Assert.All(timeline.Interactions, i => Assert.Equal(survivor.Name, i.Account));
        Assert.Equal([recorded[3].Name], mergedContactTimeline.Interactions.Select(i => i.Name));
        Assert.Equal(Proto.RelationshipPhase.Awareness, before.Phase);
        Assert.Equal(Proto.RelationshipPhase.Expansion, result.Phase);
        Assert.Equal(Proto.RelationshipPhase.Expansion, phases.Changes[0].ToPhase);
    }

    [Fact]
    public async Task A_merge_of_contacts_of_two_accounts_brings_every_interaction_to_the_survivors_account()
    {
        var admin = server.Admin(TestData.NewTenant());
        var acme = await _client.CreateAccountAsync(TestData.Company("Acme"), admin.Headers);
        var globex = await _client.CreateAccountAsync(TestData.Company("Globex"), admin.Headers);
        var survivor = await _client.CreateContactAsync(TestData.Contact(acme, "Ruth", "Okafor", "ruth@acme.com"), admin.Headers);
        var merged = await _client.CreateContactAsync(TestData.Contact(globex, "Ruth", "Okafor", "ruth@globex.com"), admin.Headers);
        var recorded = new[]
        {
            await _client.RecordInteractionAsync(Interaction(contact: survivor.Name), admin.Headers),
            await _client.RecordInteractionAsync(Interaction(contact: merged.Name, outcome: Proto.InteractionOutcome.Purchased), admin.Headers),
            await _client.RecordInteractionAsync(Interaction(contact: merged.Name, direction: Proto.InteractionDirection.Inbound), admin.Headers),
        };

        await _client.MergeContactsAsync(new Proto.MergeContactsRequest { Survivor = survivor.Name, Merged = { merged.Name } }, admin.Headers);
        var contactTimeline = await _client.ListInteractionsAsync(new Proto.ListInteractionsRequest { Parent = survivor.Name }, admin.Headers);
        var acmeTimeline = await _client.ListInteractionsAsync(new Proto.ListInteractionsRequest { Parent = acme.Name }, admin.Headers);
        var globexTimeline = await _client.ListInteractionsAsync(new Proto.ListInteractionsRequest { Parent = globex.Name }, admin.Headers);
        var acmeAfter = await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = acme.Name }, admin.Headers);
        var globexAfter = await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = globex.Name }, admin.Headers);

        Assert.Equal(recorded.Select(i => i.Name).Order(), contactTimeline.Interactions.Select(i => i.Name).Order());
        Assert.Equal(recorded.Select(i => i.Name).Order(), acmeTimeline.Interactions.Select(i => i.Name).Order());
        Assert.All(contactTimeline.Interactions, i => Assert.Equal((acme.Name, survivor.Name), (i.Account, i.Contact)));
        Assert.Empty(globexTimeline.Interactions);
        Assert.Equal(Proto.RelationshipPhase.Expansion, acmeAfter.Phase);
        Assert.Equal(Proto.RelationshipPhase.Awareness, globexAfter.Phase);
    }

    [Fact]
    public async Task An_account_whose_interactions_a_contact_merge_takes_away_has_its_phase_derived_again()
    {
        var admin = server.Admin(TestData.NewTenant());
        var acme = await _client.CreateAccountAsync(TestData.Company("Acme"), admin.Headers);
        var globex = await _client.CreateAccountAsync(TestData.Company("Globex"), admin.Headers);
        var survivor = await _client.CreateContactAsync(TestData.Contact(acme, "Ruth", "Okafor", "ruth@acme.com"), admin.Headers);
        await _client.RecordInteractionAsync(Interaction(contact: survivor.Name, outcome: Proto.InteractionOutcome.Purchased), admin.Headers);
        await _client.UpdateContactAsync(new Proto.UpdateContactRequest { Contact = new Proto.Contact { Name = survivor.Name, Account = globex.Name } },
            admin.Headers);
        var merged = await _client.CreateContactAsync(TestData.Contact(globex, "Ruth", "Okafor", "ruth@globex.com").Confirmed(), admin.Headers);
        var acmeBefore = await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = acme.Name }, admin.Headers);

        await _client.MergeContactsAsync(new Proto.MergeContactsRequest { Survivor = survivor.Name, Merged = { merged.Name } }, admin.Headers);
        var acmeTimeline = await _client.ListInteractionsAsync(new Proto.ListInteractionsRequest { Parent = acme.Name }, admin.Headers);
        var acmeAfter = await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = acme.Name }, admin.Headers);
        var globexAfter = await _client.GetAccountAsync(new Proto.GetAccountRequest { Name = globex.Name }, admin.Headers);

        Assert.Equal(Proto.RelationshipPhase.Expansion, acmeBefore.Phase);
        Assert.Empty(acmeTimeline.Interactions);
        Assert.Equal(Proto.RelationshipPhase.Awareness, acmeAfter.Phase);
        Assert.Equal(Proto.RelationshipPhase.Expansion, globexAfter.Phase);
    }
}
