using System.Net;
using System.Net.Sockets;
using RabbitMQ.Client;

namespace CrmPlatform.Hosting.Tests;

/// <summary>
/// Ports are picked free and released before the server binds them, so another process can take one in between
/// (test runs open thousands of client connections from the same ephemeral range): the launcher must pick again.
/// </summary>
public sealed class PortConflictTests
{
    [Theory]
    [InlineData(0, "AMQP")]
    [InlineData(1, "Erlang distribution")]
    [InlineData(2, "epmd")]
    public async Task A_rabbitmq_node_whose_port_another_process_takes_first_starts_on_new_ports(int taken, string port)
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var takenPort = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var picks = 0;

        await using var node = await RabbitMqServer.StartAsync(new RabbitMqServerOptions
        {
            PickPorts = count =>
            {
                var ports = FreePorts.Pick(count).ToArray();
                if (Interlocked.Increment(ref picks) == 1)
                {
                    ports[taken] = takenPort;
                }

                return ports;
            },
        });

        Assert.True(picks == 2, $"the {port} port was taken, so the launcher should have picked ports twice, not {picks} times");
        Assert.DoesNotContain(takenPort, new[] { node.Port, node.DistributionPort, node.EpmdPort });
        await using var connection = await new ConnectionFactory { Uri = node.AmqpUri }.CreateConnectionAsync();
        Assert.True(connection.IsOpen);
    }
}
