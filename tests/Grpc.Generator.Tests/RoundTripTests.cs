using System.Net;
using Crm.Sample.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Empty = Google.Protobuf.WellKnownTypes.Empty;

namespace CrmPlatform.Grpc.Generator.Tests;

/// <summary>
/// The generated base class and client of Protos/ talk to each other through the CrmPlatform.Grpc
/// runtime over real HTTP/2: the generated code is what MapGrpcService and GrpcChannel expect.
/// </summary>
public sealed class RoundTripTests : IAsyncLifetime
{
    private WebApplication? server;
    private GrpcChannel? channel;

    private InventoryService.InventoryServiceClient Client => new(channel!);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        server = builder.Build();
        server.MapGrpcService<Inventory>();
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        channel = GrpcChannel.ForAddress(address);
    }

    public async Task DisposeAsync()
    {
        channel?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Unary_call_reaches_the_override()
    {
        var item = await Client.GetItemAsync(new GetItemRequest { Id = "sku-7" });

        Assert.Equal("sku-7", item.Id);
        Assert.Equal("EUR", item.Price.CurrencyCode);
    }

    [Fact]
    public async Task Server_streaming_call_reads_every_response()
    {
        using var call = Client.ListItems(new Page.Types.Cursor { Token = "a" });

        var ids = new List<string>();
        await foreach (var item in call.ResponseStream.ReadAllAsync(CancellationToken.None))
        {
            ids.Add(item.Id);
        }

        Assert.Equal(["a-1", "a-2", "a-3"], ids);
    }

    [Fact]
    public async Task Client_streaming_call_sends_every_request()
    {
        using var call = Client.UploadPrices();
        foreach (var minorUnits in new[] { 100L, 250L, 5L })
        {
            await call.RequestStream.WriteAsync(new Money { CurrencyCode = "EUR", MinorUnits = minorUnits });
        }

        await call.RequestStream.CompleteAsync();

        Assert.Equal(355, (await call.ResponseAsync).MinorUnits);
    }

    [Fact]
    public async Task Duplex_call_echoes_each_request()
    {
        using var call = Client.WatchStock();
        await call.RequestStream.WriteAsync(new StockChange { ItemId = "x", Delta = 2 });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(-2, call.ResponseStream.Current.Delta);

        await call.RequestStream.CompleteAsync();

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task Method_left_to_the_base_class_answers_UNIMPLEMENTED()
    {
        var exception = await Assert.ThrowsAsync<RpcException>(async () => await Client.PingAsync(new Empty()));

        Assert.Equal(StatusCode.Unimplemented, exception.StatusCode);
    }

    private sealed class Inventory : InventoryService.InventoryServiceBase
    {
        public override Task<Item> GetItem(GetItemRequest request, ServerCallContext context) =>
            Task.FromResult(new Item { Id = request.Id, Price = new Money { CurrencyCode = "EUR", MinorUnits = 999 } });

        public override async Task ListItems(Page.Types.Cursor request, IServerStreamWriter<Item> responseStream, ServerCallContext context)
        {
            for (var i = 1; i <= 3; i++)
            {
                await responseStream.WriteAsync(new Item { Id = request.Token + "-" + i });
            }
        }

        public override async Task<Money> UploadPrices(IAsyncStreamReader<Money> requestStream, ServerCallContext context)
        {
            var total = new Money { CurrencyCode = "EUR" };
            await foreach (var price in requestStream.ReadAllAsync(context.CancellationToken))
            {
                total.MinorUnits += price.MinorUnits;
            }

            return total;
        }

        public override async Task WatchStock(IAsyncStreamReader<StockChange> requestStream, IServerStreamWriter<StockChange> responseStream, ServerCallContext context)
        {
            await foreach (var change in requestStream.ReadAllAsync(context.CancellationToken))
            {
                await responseStream.WriteAsync(new StockChange { ItemId = change.ItemId, Delta = -change.Delta });
            }
        }
    }
}
