using System.Collections.Concurrent;
using System.Diagnostics;
using CrmPlatform.AppHost.Model;
using CrmPlatform.Contracts.Customers.V1;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using CustomersClient = CrmPlatform.Contracts.Customers.V1.Customers.CustomersClient;

namespace CrmPlatform.AppHost.Demo;

/// <summary>
/// Sends the demo data set (<see cref="DemoDataSet"/>, <see cref="DemoAccounts"/>, <see cref="DemoGenerated"/>,
/// <see cref="DemoStories"/>) to the
/// Customers service through its public gRPC API, with tokens it signs itself for the demo users, so validation,
/// history, derived phases and events are the real ones. Idempotent: creates and interactions carry request ids derived
/// from the data's keys; custom fields, relationships, consents, commitment answers and value-tier rules are read first
/// and only sent when missing or different.
/// </summary>
public sealed class DemoSeeder
{
    private const int Parallelism = 8;
    private const int ProgressEvery = 1000;
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    private readonly CustomersClient _client;
    private readonly CallerTokens _tokens;
    private readonly string _tenant;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Metadata> _headers = new(StringComparer.Ordinal);
    private readonly DemoUser _loader = new(DemoDataSet.LoaderUserId, Roles.Admin, "");
    private readonly IReadOnlyList<DemoAccount> _accounts;

    /// <param name="generatedAccounts">How many <see cref="DemoGenerated"/> accounts follow the curated ones.</param>
    public DemoSeeder(CustomersClient client, CallerTokenSettings tokens, string tenant, int generatedAccounts, ILogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _accounts = [.. DemoAccounts.All, .. DemoGenerated.Accounts(generatedAccounts)];
        _client = client;
        _tokens = new CallerTokens(new TokenSettings(tokens.Issuer, tokens.Audience, tokens.SigningKey), time);
        _tenant = tenant;
        _logger = logger;
        _time = time;
    }

    /// <summary>Seeds the tenant; logs one line per step. A failure is logged (not thrown) and gives null.</summary>
    public async Task<DemoSeedCounts?> SeedAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var step = "custom fields";
        try
        {
            DemoLog.Seeding(_logger, _tenant, _accounts.Count);
            var newFields = await DefineCustomFieldsAsync(cancellationToken);
            DemoLog.CustomFields(_logger, DemoDataSet.CustomFields.Count, newFields);

            step = "accounts and contacts";
            var seeded = await CreateAccountsAsync(cancellationToken);
            var contacts = seeded.Sum(s => s.Contacts.Count);
            DemoLog.Accounts(_logger, seeded.Length, contacts);

            step = "relationships, commitment answers and consents";
            var (relationships, consents, surveys, created) = await DescribeAccountsAsync(seeded, cancellationToken);
            DemoLog.Profiles(_logger, relationships, consents, surveys, created);

            step = "interactions";
            var (interactions, repeated) = await RecordInteractionsAsync(seeded, cancellationToken);
            DemoLog.Interactions(_logger, interactions, repeated);

            step = "value-tier rules";
            var replaced = await ApplyValueTierRulesAsync(cancellationToken);
            DemoLog.ValueTierRules(_logger, DemoDataSet.ValueTierRules.Count, replaced ? "replaced" : "unchanged");

            step = "duplicate scan";
            var accountGroups = await ScanDuplicatesAsync(RecordType.Account, cancellationToken);
            var contactGroups = await ScanDuplicatesAsync(RecordType.Contact, cancellationToken);
            DemoLog.DuplicateGroups(_logger, accountGroups, contactGroups);

            DemoLog.Done(_logger, seeded.Length, contacts, interactions, _tenant, stopwatch.Elapsed.TotalSeconds);
            return new DemoSeedCounts(seeded.Length, contacts, relationships, consents, surveys, interactions, repeated, accountGroups, contactGroups);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            DemoLog.Failed(_logger, step, Describe(e));
            return null;
        }
    }

    private async Task<int> DefineCustomFieldsAsync(CancellationToken cancellationToken)
    {
        var existing = await _client.ListCustomFieldDefinitionsAsync(new ListCustomFieldDefinitionsRequest(), Headers(_loader), cancellationToken: cancellationToken);
        var missing = DemoDataSet.CustomFields
            .Where(field => !existing.Definitions.Any(d => d.Key == field.Key && d.RecordType == field.RecordType))
            .ToList();
        foreach (var field in missing)
        {
            await _client.CreateCustomFieldDefinitionAsync(new CreateCustomFieldDefinitionRequest { Definition = field }, Headers(_loader), cancellationToken: cancellationToken);
        }

        return missing.Count;
    }

    private async Task<SeededAccount[]> CreateAccountsAsync(CancellationToken cancellationToken)
    {
        var seeded = new SeededAccount[_accounts.Count];
        await ForEachAccountAsync("accounts and contacts", async (index, demo, ct) =>
        {
            var account = await _client.CreateAccountAsync(
                new CreateAccountRequest { Account = DemoRequests.Account(demo, index), RequestId = DemoRequestIds.For($"account/{demo.Key}"), ConfirmNotDuplicate = true },
                Headers(_loader),
                cancellationToken: ct);
            var contacts = new List<Contact>();
            for (var c = 0; c < demo.Contacts.Count; c++)
            {
                contacts.Add(await _client.CreateContactAsync(
                    new CreateContactRequest
                    {
                        Contact = DemoRequests.Contact(demo, index, c, account.Name),
                        RequestId = DemoRequestIds.For($"account/{demo.Key}/contact/{c}"),
                        ConfirmNotDuplicate = true,
                    },
                    Headers(_loader),
                    cancellationToken: ct));
            }

            seeded[index] = new SeededAccount(demo, index, account, contacts);
        }, cancellationToken);
        return seeded;
    }

    /// <returns>The totals, and how many of them were sent now (missing or different before).</returns>
    private async Task<(int Relationships, int Consents, int Surveys, int Created)> DescribeAccountsAsync(SeededAccount[] seeded, CancellationToken cancellationToken)
    {
        var byKey = seeded.ToDictionary(s => s.Demo.Key, StringComparer.Ordinal);
        int relationships = 0, consents = 0, surveys = 0, created = 0;
        await ForEachAccountAsync("relationships, commitment answers and consents", async (index, demo, ct) =>
        {
            var account = seeded[index];
            for (var c = 0; c < demo.Contacts.Count; c++)
            {
                foreach (var relationship in DemoRequests.Relationships(account, c, byKey))
                {
                    Interlocked.Add(ref created, await RelateAsync(relationship, ct));
                    Interlocked.Increment(ref relationships);
                }

                var planned = DemoContactDetails.Consents(demo, c);
                Interlocked.Add(ref created, await RecordConsentsAsync(account.Contacts[c].Name, planned, ct));
                Interlocked.Add(ref consents, planned.Count);
            }

            if (demo.Commitment is { } answers)
            {
                if (!answers.Equals(account.Account.Commitment?.Answers))
                {
                    await _client.RecordCommitmentAnswersAsync(
                        new RecordCommitmentAnswersRequest { Account = account.Account.Name, Answers = answers }, Headers(_loader), cancellationToken: ct);
                    Interlocked.Increment(ref created);
                }

                Interlocked.Increment(ref surveys);
            }
        }, cancellationToken);
        return (relationships, consents, surveys, created);
    }

    private async Task<int> RelateAsync(Relationship relationship, CancellationToken cancellationToken)
    {
        var existing = await _client.ListRelationshipsAsync(new ListRelationshipsRequest { Parent = relationship.Contact }, Headers(_loader), cancellationToken: cancellationToken);
        if (existing.Relationships.Any(r => r.Contact == relationship.Contact && r.Type == relationship.Type && r.Target == relationship.Target))
        {
            return 0;
        }

        await _client.CreateRelationshipAsync(new CreateRelationshipRequest { Relationship = relationship }, Headers(_loader), cancellationToken: cancellationToken);
        return 1;
    }

    private async Task<int> RecordConsentsAsync(string contact, IReadOnlyList<DemoConsent> planned, CancellationToken cancellationToken)
    {
        var ledger = (await _client.ListConsentsAsync(new ListConsentsRequest { Contact = contact }, Headers(_loader), cancellationToken: cancellationToken)).Ledger;
        var missing = planned.Where(p => !ledger.Any(l => l.Purpose == p.Purpose && l.Granted == p.Granted && l.Source == p.Source)).ToList();
        foreach (var consent in missing)
        {
            await _client.RecordConsentAsync(
                new RecordConsentRequest { Contact = contact, Purpose = consent.Purpose, Granted = consent.Granted, Source = consent.Source },
                Headers(_loader),
                cancellationToken: cancellationToken);
        }

        return missing.Count;
    }

    /// <summary>
    /// The story oldest first per account, so that repeated contact is judged against the attempts before each one, then
    /// each staff member's thread (their outbound contacts are weeks apart; see <see cref="DemoStories.Timeline"/>).
    /// </summary>
    private async Task<(int Interactions, int Repeated)> RecordInteractionsAsync(SeededAccount[] seeded, CancellationToken cancellationToken)
    {
        var today = new DateTimeOffset(_time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        int interactions = 0, repeated = 0;
        await ForEachAccountAsync("interactions", async (index, demo, ct) =>
        {
            var timeline = DemoStories.Timeline(demo, index);
            for (var s = 0; s < timeline.Count; s++)
            {
                var (key, step) = timeline[s];
                var recorder = step.ByServiceAgent ? DemoDataSet.Farah : demo.Owner;
                var recorded = await _client.RecordInteractionAsync(
                    new RecordInteractionRequest
                    {
                        Interaction = DemoRequests.Interaction(seeded[index], step, s, today),
                        RequestId = DemoRequestIds.For($"account/{demo.Key}/{key}"),
                    },
                    Headers(recorder),
                    cancellationToken: ct);
                if (step.FollowUp is { Done: true } && recorded.FollowUp is { Done: false })
                {
                    await _client.UpdateInteractionAsync(
                        new UpdateInteractionRequest
                        {
                            Interaction = new Interaction { Name = recorded.Name, FollowUp = new FollowUp { Done = true } },
                            UpdateMask = new FieldMask { Paths = { "follow_up.done" } },
                        },
                        Headers(recorder),
                        cancellationToken: ct);
                }

                Interlocked.Increment(ref interactions);
                if (recorded.RepeatedContact)
                {
                    Interlocked.Increment(ref repeated);
                }
            }
        }, cancellationToken);
        return (interactions, repeated);
    }

    private async Task<bool> ApplyValueTierRulesAsync(CancellationToken cancellationToken)
    {
        var current = await _client.GetValueTierRulesAsync(new GetValueTierRulesRequest(), Headers(_loader), cancellationToken: cancellationToken);
        if (current.Rules.SequenceEqual(DemoDataSet.ValueTierRules))
        {
            return false;
        }

        await _client.ReplaceValueTierRulesAsync(new ReplaceValueTierRulesRequest { Rules = { DemoDataSet.ValueTierRules } }, Headers(_loader), cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>
    /// Runs the duplicate scan of <paramref name="recordType"/> now, rather than at the service's next hourly scan, so the
    /// near-duplicates are on the duplicates page as soon as the data is; gives how many groups it found.
    /// </summary>
    private async Task<int> ScanDuplicatesAsync(RecordType recordType, CancellationToken cancellationToken)
    {
        var request = new ListDuplicateGroupsRequest { RecordType = recordType, RunScanNow = true, PageSize = 100 };
        var groups = 0;
        while (true)
        {
            var page = await _client.ListDuplicateGroupsAsync(request, Headers(_loader), cancellationToken: cancellationToken);
            groups += page.Groups.Count;
            if (page.NextPageToken.Length == 0)
            {
                return groups;
            }

            request.RunScanNow = false;
            request.PageToken = page.NextPageToken;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> for every demo account, a few at a time, logging progress every
    /// <see cref="ProgressEvery"/> accounts; a failure names the account.
    /// </summary>
    private async Task ForEachAccountAsync(string step, Func<int, DemoAccount, CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, _accounts.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var demo = _accounts[index];
                try
                {
                    await action(index, demo, ct);
                }
                catch (RpcException e)
                {
                    throw new InvalidOperationException($"account '{demo.Key}' ({demo.DisplayName}): {Describe(e)}", e);
                }

                if (Interlocked.Increment(ref done) % ProgressEvery == 0)
                {
                    DemoLog.Progress(_logger, step, done, _accounts.Count);
                }
            });
    }

    private Metadata Headers(DemoUser user) =>
        _headers.GetOrAdd(user.Id, _ =>
        {
            var teams = user.Team.Length == 0 ? new HashSet<string>() : new HashSet<string> { user.Team };
            var caller = new Caller(user.Id, _tenant, new HashSet<string> { user.Role }, teams);
            return new Metadata { { "authorization", "Bearer " + _tokens.Issue(caller, TokenLifetime) } };
        });

    private static string Describe(Exception e) =>
        e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : e.Message;
}

/// <summary>What one seeding run found or created, as the Customers service reported it.</summary>
public sealed record DemoSeedCounts(
    int Accounts, int Contacts, int Relationships, int ConsentEntries, int CommitmentSurveys, int Interactions, int RepeatedContacts,
    int AccountDuplicateGroups, int ContactDuplicateGroups);

/// <summary>A demo account as the Customers service holds it, with its contacts in the order of the demo table.</summary>
public sealed record SeededAccount(DemoAccount Demo, int Index, Account Account, IReadOnlyList<Contact> Contacts);
