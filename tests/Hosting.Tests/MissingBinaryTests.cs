namespace CrmPlatform.Hosting.Tests;

public sealed class MissingBinaryTests : IDisposable
{
    private readonly DirectoryInfo _empty = Directory.CreateTempSubdirectory("crm-no-binaries-");

    [Fact]
    public async Task Missing_postgres_binaries_name_the_apt_package()
    {
        var error = await Assert.ThrowsAsync<ServerBinaryMissingException>(
            () => PostgresServer.StartAsync(new PostgresServerOptions { BinDirectory = _empty.FullName }));

        Assert.Contains("apt-get install postgresql", error.Message);
        Assert.Contains(_empty.FullName, error.Message);
    }

    [Fact]
    public async Task Missing_rabbitmq_binaries_name_the_apt_package()
    {
        var error = await Assert.ThrowsAsync<ServerBinaryMissingException>(
            () => RabbitMqServer.StartAsync(new RabbitMqServerOptions { BinDirectory = _empty.FullName }));

        Assert.Contains("apt-get install rabbitmq-server", error.Message);
    }

    public void Dispose() => _empty.Delete(recursive: true);
}
