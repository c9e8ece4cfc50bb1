using System.Globalization;
using CrmPlatform.Bench;
using CrmPlatform.Contracts.Customers.V1;
using CrmPlatform.Grpc;

// Unary GetAccount under h2load, directly to the Customers service and through the gateway, at the same concurrency,
// in one run (unmeasured turns of both first, until the services' tiered compilation settles; then the two take turns for
// --rounds rounds). Prints:
// gateway: direct=<qps> via=<qps> ratio=<x> p50 direct=<ms> via=<ms> p99 direct=<ms> via=<ms>
var options = BenchOptions.Parse(args);
#if DEBUG
Console.WriteLine("# warning: Debug build; run with -c Release for meaningful numbers");
#endif
var shape = new LoadShape(4, 8);
const string path = "/crm.customers.v1.Customers/GetAccount";
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(15));

await using var platform = await CustomersPlatform.StartAsync(cancellation.Token);
var token = platform.AdminToken("bench");
using var channel = GrpcChannel.ForAddress(platform.GatewayGrpc);
var account = await new Customers.CustomersClient(channel).CreateAccountAsync(
    new CreateAccountRequest { Account = new Account { DisplayName = "Benchmark Industries", Kind = AccountKind.Company } },
    new Metadata { { "authorization", $"Bearer {token}" } });

using var body = await GrpcFrames.WriteAsync(new GetAccountRequest { Name = account.Name });
string[] headers = [$"authorization: Bearer {token}"];
var direct = new H2LoadRequest(new Uri(platform.CustomersGrpc, path), body.Path, headers);
var via = new H2LoadRequest(new Uri(platform.GatewayGrpc, path), body.Path, headers);
await GrpcCheck.VerifyAsync("customers", direct);
await GrpcCheck.VerifyAsync("gateway", via);
Console.WriteLine($"# {options.Rounds} round(s) per path, taking turns: {H2Load.CommandLine(shape, options, "<framed GetAccountRequest>", "<customers or gateway>" + path, "authorization: Bearer <token>")}");

await WarmUp.UntilCompiledAsync(platform.ServiceProcessIds, async () =>
{
    var directRun = await H2Load.RunAsync(direct, shape, options);
    var viaRun = await H2Load.RunAsync(via, shape, options);
    return string.Create(CultureInfo.InvariantCulture, $"direct {directRun.RequestsPerSecond:F0}/s, via {viaRun.RequestsPerSecond:F0}/s");
});
var directSamples = new List<LoadSample>();
var viaSamples = new List<LoadSample>();
for (var round = 0; round < options.Rounds; round++)
{
    directSamples.Add(await H2Load.RunAsync(direct, shape, options));
    viaSamples.Add(await H2Load.RunAsync(via, shape, options));
}

var directResult = LoadResult.FromSamples(directSamples);
var viaResult = LoadResult.FromSamples(viaSamples);
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"gateway: direct={directResult.RequestsPerSecond:F0} via={viaResult.RequestsPerSecond:F0} ratio={viaResult.RequestsPerSecond / directResult.RequestsPerSecond:F2} " +
    $"p50 direct={directResult.P50Milliseconds:F2} via={viaResult.P50Milliseconds:F2} p99 direct={directResult.P99Milliseconds:F2} via={viaResult.P99Milliseconds:F2}"));
return 0;
