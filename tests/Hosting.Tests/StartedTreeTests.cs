using System.Net;
using System.Net.Sockets;
using CrmPlatform.Tests.Shared;

namespace CrmPlatform.Hosting.Tests;

public sealed class StartedTreeTests
{
    [Fact]
    public async Task A_port_an_unrelated_process_listens_on_after_the_tree_stopped_is_no_leftover_of_the_tree()
    {
        await using var sleep = ChildProcess.Start(new ChildProcessStartInfo("sleep", "/bin/sleep", ["60"]));
        var tree = new StartedTree(sleep.ProcessIds);
        await sleep.StopAsync(UnixSignal.Terminate, TimeSpan.FromSeconds(5), CancellationToken.None);

        using var unrelated = new TcpListener(IPAddress.Loopback, 0);
        unrelated.Start();

        Assert.False(tree.ListensOn(((IPEndPoint)unrelated.LocalEndpoint).Port));
    }
}
