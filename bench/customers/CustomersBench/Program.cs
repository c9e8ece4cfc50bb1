using System.Globalization;
using CrmPlatform.Bench;
using CrmPlatform.Contracts.Customers.V1;
using CrmPlatform.CustomersBench;
using CrmPlatform.Grpc;
using Npgsql;

// CreateAccount and GetAccount end to end through the gateway (h2load, -c clients -m 1) against pgbench on the same
// PostgreSQL with the same client count and prepared statements: a single-row INSERT of the same width, and pgbench -S.
// Rounds alternate.
//   customers create: e2e=<tps> pgbench=<tps> ratio=<x>
//   customers get: e2e=<tps> pgbench=<tps> ratio=<x>
// --search-rows N (default 0: skipped) then loads N accounts into one tenant and prints ListAccounts search latency.
// --scan-rows N (default 0: skipped) then loads N consumers with planted near-duplicates into another tenant and prints
// how long its duplicate scan takes and how many groups it finds (failing if it misses a planted duplicate).
// --timeline-rows N (default 0: skipped) then loads N interactions into a third tenant, a tenth of them on one account,
// and prints RecordInteraction latency on that account and on a typical one.
var options = BenchOptions.Parse(args, "clients", "rows", "search-rows", "scan-rows", "timeline-rows");
#if DEBUG
Console.WriteLine("# warning: Debug build; run with -c Release for meaningful numbers");
#endif
var clients = options.Get("clients", 16);
var shape = new LoadShape(clients, 1);
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(30));
var cancellationToken = cancellation.Token;

await using var platform = await CustomersPlatform.StartAsync(cancellationToken);
var token = platform.AdminToken("bench");
string[] headers = [$"authorization: Bearer {token}"];
using var channel = GrpcChannel.ForAddress(platform.GatewayGrpc);
var client = new Customers.CustomersClient(channel);
var metadata = new Metadata { { "authorization", $"Bearer {token}" } };

var rows = options.Get("rows", 250_000);
await AccountSeed.InsertAsync(platform, "bench", rows, cancellationToken);
await using (var dataSource = NpgsqlDataSource.Create(platform.Postgres.ConnectionString(CustomersPlatform.Database)))
await using (var command = dataSource.CreateCommand(Requests.CreateInsertTable))
{
    command.CommandTimeout = 0;
    await command.ExecuteNonQueryAsync(cancellationToken);
}

await platform.Postgres.CreateDatabaseAsync("pgbench", cancellationToken);
var pgbenchScale = PgBench.ScaleFor(rows);
await PgBench.InitialiseAsync(platform.Postgres, "pgbench", pgbenchScale);
var insertScript = Path.GetTempFileName();
await File.WriteAllTextAsync(insertScript, Requests.InsertScript, cancellationToken);

var account = await client.CreateAccountAsync(Requests.Create(), metadata, cancellationToken: cancellationToken);
using var createBody = await Requests.WriteAsync(Requests.Create());
using var getBody = await Requests.WriteAsync(new GetAccountRequest { Name = account.Name });
var create = new H2LoadRequest(new Uri(platform.GatewayGrpc, Requests.CreatePath), createBody.Path, headers);
var get = new H2LoadRequest(new Uri(platform.GatewayGrpc, Requests.GetPath), getBody.Path, headers);
await GrpcCheck.VerifyAsync("gateway", create);
await GrpcCheck.VerifyAsync("gateway", get);

Console.WriteLine($"# {options.Rounds} round(s) of {options.DurationSeconds} s per side, taking turns; {clients} clients each");
Console.WriteLine($"# {H2Load.CommandLine(shape, options, "<framed request>", "<gateway>/crm.customers.v1.Customers/{CreateAccount,GetAccount}", "authorization: Bearer <token>")}");
Console.WriteLine($"# pgbench -n -M prepared -c {clients} -j 2 -T {options.DurationSeconds} -f <insert of the same width> customers | pgbench -n -M prepared -c {clients} -j 2 -T {options.DurationSeconds} -S pgbench (scale {pgbenchScale})");
await WarmUpAsync();
await Compare("create", create, ["-f", insertScript], CustomersPlatform.Database);
await Compare("get", get, ["-S"], "pgbench");
File.Delete(insertScript);

var searchRows = options.Get("search-rows", 0);
if (searchRows > 0)
{
    await AccountSeed.InsertAsync(platform, "search", searchRows, cancellationToken);
    var searchHeaders = new Metadata { { "authorization", $"Bearer {platform.AdminToken("search")}" } };
    var (p50, p99) = await SearchLatency.MeasureAsync(client, searchHeaders, calls: 500, cancellationToken);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"customers search rows={searchRows}: p50={p50:F2}ms p99={p99:F2}ms (ListAccounts query, page_size 50, via the gateway, one at a time)"));
}

var scanRows = options.Get("scan-rows", 0);
if (scanRows > 0)
{
    var planted = await DuplicateSeed.InsertAsync(platform, "scan", scanRows, cancellationToken);
    var scanHeaders = new Metadata { { "authorization", $"Bearer {platform.AdminToken("scan")}" } };
    var (seconds, groups) = await DuplicateScanRun.MeasureAsync(client, scanHeaders, planted, cancellationToken);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"customers duplicate scan rows={scanRows}: {seconds:F2}s, {groups} groups ({planted.Count} planted pairs all found; ListDuplicateGroups run_scan_now via the gateway)"));
}

var timelineRows = options.Get("timeline-rows", 0);
if (timelineRows > 0)
{
    Console.WriteLine(await TimelineLatency.MeasureAsync(platform, client, timelineRows, calls: 200, cancellationToken));
}

return 0;

// Unmeasured runs of both calls, by turns, until the services' tiered compilation settles (see WarmUp).
Task WarmUpAsync() => WarmUp.UntilCompiledAsync(platform.ServiceProcessIds, async () =>
{
    var creates = await H2Load.RunAsync(create, shape, options);
    var gets = await H2Load.RunAsync(get, shape, options);
    return string.Create(CultureInfo.InvariantCulture, $"create {creates.RequestsPerSecond:F0}/s, get {gets.RequestsPerSecond:F0}/s");
});

async Task Compare(string name, H2LoadRequest request, string[] pgbenchWorkload, string pgbenchDatabase)
{
    var e2e = new List<LoadSample>();
    var baseline = new List<double>();
    for (var round = 0; round < options.Rounds; round++)
    {
        var before = await CountAccountsAsync();
        var sample = await H2Load.RunAsync(request, shape, options);
        if (name == "create" && await CountAccountsAsync() - before < sample.Succeeded)
        {
            throw new InvalidOperationException($"h2load counted {sample.Succeeded} creates, but fewer accounts exist: some calls failed.");
        }

        e2e.Add(sample);
        baseline.Add(await PgBench.MeasureAsync(platform.Postgres, pgbenchDatabase, clients, options.DurationSeconds, pgbenchWorkload));
    }

    var ours = LoadResult.FromSamples(e2e);
    var pgbench = baseline.Average();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"customers {name}: e2e={ours.RequestsPerSecond:F0} pgbench={pgbench:F0} ratio={ours.RequestsPerSecond / pgbench:F2} p50={ours.P50Milliseconds:F2}ms p99={ours.P99Milliseconds:F2}ms"));
}

async Task<long> CountAccountsAsync()
{
    await using var dataSource = NpgsqlDataSource.Create(platform.Postgres.ConnectionString(CustomersPlatform.Database));
    await using var command = dataSource.CreateCommand("SELECT count(*) FROM accounts");
    return (long)(await command.ExecuteScalarAsync())!;
}
