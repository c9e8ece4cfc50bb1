using System.Globalization;
using CrmPlatform.Bench;
using CrmPlatform.GrpcBench;
using CrmPlatform.Hosting;

// Unary echo under h2load against three servers on 127.0.0.1: ours (CrmPlatform.Grpc on Kestrel), @grpc/grpc-js,
// and raw Kestrel HTTP/2 answering with the same bytes without gRPC machinery. One line per scenario:
// grpc-unary <size> c=<streams>: ours=<req/s> grpcjs=<req/s> raw=<req/s> ours/grpcjs=<x> ours/raw=<y> p99 ours=<ms> grpcjs=<ms>
var options = BenchOptions.Parse(args);
#if DEBUG
Console.WriteLine("# warning: Debug build; run with -c Release for meaningful numbers");
#endif
LoadShape[] shapes = [new(1, 1), new(4, 16)];
(int Bytes, string Label)[] sizes = [(16, "16B"), (4096, "4KB")];
Console.WriteLine($"# {options.Rounds} round(s) per scenario, servers taking turns; req/s = mean of rounds, p99 = nearest rank over all requests of the rounds (ms)");
foreach (var shape in shapes)
{
    Console.WriteLine($"# {H2Load.CommandLine(shape, options, "<framed EchoMessage>", $"http://127.0.0.1:<port>{EchoRequests.Path}")}");
}

await using var ours = await KestrelServers.StartOursAsync();
await using var raw = await KestrelServers.StartRawAsync();
await using var grpcJs = await NodeEchoServer.StartAsync(Path.Combine(RepositoryRoot.Find(), "bench", "grpc", "node"));
(string Name, int Port)[] servers = [("ours", KestrelServers.GetPort(ours)), ("grpcjs", grpcJs.Port), ("raw", KestrelServers.GetPort(raw))];

await WarmUpAsync();
foreach (var (bytes, label) in sizes)
{
    using var request = await EchoRequests.WriteAsync(bytes);
    foreach (var (name, port) in servers)
    {
        await EchoCheck.VerifyAsync(name, EchoRequests.For(port, request));
    }

    foreach (var shape in shapes)
    {
        var samples = servers.ToDictionary(server => server.Name, _ => new List<LoadSample>());
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var (name, port) in servers)
            {
                samples[name].Add(await H2Load.RunAsync(EchoRequests.For(port, request), shape, options));
            }
        }

        var results = samples.ToDictionary(pair => pair.Key, pair => LoadResult.FromSamples(pair.Value));
        Console.WriteLine(FormatLine(label, shape, results["ours"], results["grpcjs"], results["raw"]));
    }
}

return 0;

// Unmeasured turns of every server at every size first, until JIT tiering of ours and raw (both in this process)
// settles (see WarmUp); grpc-js's V8 optimises over the same turns.
Task WarmUpAsync() => WarmUp.UntilCompiledAsync([Environment.ProcessId], async () =>
{
    var rates = new List<string>();
    foreach (var (bytes, label) in sizes)
    {
        using var request = await EchoRequests.WriteAsync(bytes);
        foreach (var (name, port) in servers)
        {
            var sample = await H2Load.RunAsync(EchoRequests.For(port, request), shapes[^1], options);
            rates.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {label} {sample.RequestsPerSecond:F0}/s"));
        }
    }

    return string.Join(", ", rates);
});

static string FormatLine(string size, LoadShape shape, LoadResult ours, LoadResult grpcJs, LoadResult raw) => string.Create(CultureInfo.InvariantCulture,
    $"grpc-unary {size} c={shape.ConcurrentStreams}: ours={ours.RequestsPerSecond:F0} grpcjs={grpcJs.RequestsPerSecond:F0} raw={raw.RequestsPerSecond:F0} " +
    $"ours/grpcjs={ours.RequestsPerSecond / grpcJs.RequestsPerSecond:F2} ours/raw={ours.RequestsPerSecond / raw.RequestsPerSecond:F2} " +
    $"p99 ours={ours.P99Milliseconds:F2} grpcjs={grpcJs.P99Milliseconds:F2}");
