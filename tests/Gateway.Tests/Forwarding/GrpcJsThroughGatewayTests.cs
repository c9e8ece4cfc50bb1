using System.Diagnostics;
using System.Text.Json;
using CrmPlatform.Hosting;

namespace CrmPlatform.Gateway.Tests.Forwarding;

/// <summary>What an integrator using <c>@grpc/grpc-js</c> (another gRPC implementation) sees through the gateway.</summary>
[Collection(ProbeGatewayCollection.Name)]
public sealed class GrpcJsThroughGatewayTests(ProbeGatewayFixture fixture)
{
    private static readonly string Scripts = Path.Combine(RepositoryRoot.Find(), "tests", "Gateway.Tests", "node");

    [Fact]
    public async Task Grpc_js_client_gets_unary_and_streamed_replies_and_its_deadline_is_honoured_end_to_end()
    {
        var waitId = Guid.NewGuid().ToString();

        var output = await RunNodeAsync("probe-client.js", "--address", $"127.0.0.1:{fixture.Gateway.GrpcAddress.Port}", "--wait_id", waitId);

        using var result = JsonDocument.Parse(output);
        var unary = result.RootElement.GetProperty("unary");
        Assert.Equal("from grpc-js", unary.GetProperty("text").GetString());
        Assert.Equal("Bearer grpc-js-token", unary.GetProperty("authorization").GetString());
        Assert.Equal("bye", unary.GetProperty("trailer").GetString());
        Assert.Equal([1, 2, 3], result.RootElement.GetProperty("stream").EnumerateArray().Select(number => number.GetInt32()));
        Assert.Equal(4, result.RootElement.GetProperty("deadline").GetProperty("code").GetInt32());
        await fixture.Probe.Observations.Cancelled(waitId).WaitAsync(TimeSpan.FromSeconds(15));
    }

    private static async Task<string> RunNodeAsync(string script, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(Scripts, "node_modules", "@grpc", "grpc-js")))
        {
            throw new InvalidOperationException($"@grpc/grpc-js is not installed: run `npm ci` in {Scripts} (crm.sh does this before tests).");
        }

        var info = new ProcessStartInfo("node") { WorkingDirectory = Scripts, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"node {script} exited with {process.ExitCode}:\n{output}\n{await error}");
        return output;
    }
}
