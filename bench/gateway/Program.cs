using System.Buffers.Binary;
using System.Globalization;
using CrmPlatform.Contracts.Customers.V1;
using CrmPlatform.Gateway.Bench;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Google.Protobuf;

// Unary GetAccount under h2load, directly to the Customers service and through the gateway (same concurrency, one
// run each after a warm-up of both). Prints:
// gateway: direct=<qps> via=<qps> ratio=<x> p50 direct=<ms> via=<ms> p99 direct=<ms> via=<ms>
var warmUp = TimeSpan.FromSeconds(2);
var duration = TimeSpan.FromSeconds(10);
#if DEBUG
Console.WriteLine("# warning: Debug build; run with -c Release for meaningful numbers");
#endif
Console.WriteLine($"# {H2LoadRun.Describe(warmUp, duration)}");

await using var platform = await BenchPlatform.StartAsync();
var caller = new Caller("bench-admin", "tenant-bench", new HashSet<string> { Roles.Admin }, new HashSet<string>());
var token = new CallerTokens(BenchPlatform.Auth, TimeProvider.System).Issue(caller, TimeSpan.FromHours(1));
var headers = new Metadata { { "authorization", "Bearer " + token } };

using var direct = GrpcChannel.ForAddress(platform.CustomersGrpc);
using var viaGateway = GrpcChannel.ForAddress(platform.GatewayGrpc);
var account = await new Customers.CustomersClient(direct).CreateAccountAsync(
    new CreateAccountRequest { Account = new Account { DisplayName = "Benchmark Industries", Kind = AccountKind.Company } }, headers);
var request = new GetAccountRequest { Name = account.Name };

// h2load counts any HTTP 200 as a success, so both paths are first checked to answer grpc-status OK with the account.
// The gateway takes the service once its active health check has seen it SERVING.
await EnsureReturnsAccountAsync(direct);
await EnsureReturnsAccountAsync(viaGateway);

var requestFile = Path.GetTempFileName();
try
{
    await File.WriteAllBytesAsync(requestFile, Frame(request));
    var path = "/crm.customers.v1.Customers/GetAccount";
    var directUrl = new Uri(platform.CustomersGrpc, path);
    var viaUrl = new Uri(platform.GatewayGrpc, path);
    await H2LoadRun.RunAsync(directUrl, requestFile, token, warmUp, warmUp);
    await H2LoadRun.RunAsync(viaUrl, requestFile, token, warmUp, warmUp);
    var directResult = await H2LoadRun.RunAsync(directUrl, requestFile, token, warmUp, duration);
    var viaResult = await H2LoadRun.RunAsync(viaUrl, requestFile, token, warmUp, duration);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"gateway: direct={directResult.RequestsPerSecond:F0} via={viaResult.RequestsPerSecond:F0} ratio={viaResult.RequestsPerSecond / directResult.RequestsPerSecond:F2} " +
        $"p50 direct={directResult.P50Milliseconds:F2} via={viaResult.P50Milliseconds:F2} p99 direct={directResult.P99Milliseconds:F2} via={viaResult.P99Milliseconds:F2}"));
}
finally
{
    File.Delete(requestFile);
}

return 0;

async Task EnsureReturnsAccountAsync(GrpcChannel channel)
{
    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
    while (true)
    {
        try
        {
            var read = await new Customers.CustomersClient(channel).GetAccountAsync(request, headers);
            if (!read.Equals(account))
            {
                throw new InvalidOperationException("GetAccount did not return the created account.");
            }

            return;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.Unavailable && !timeout.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}

static byte[] Frame(IMessage message)
{
    var payload = message.ToByteArray();
    var frame = new byte[5 + payload.Length];
    BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), payload.Length);
    payload.CopyTo(frame, 5);
    return frame;
}
