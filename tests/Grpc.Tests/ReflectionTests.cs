using CrmPlatform.Grpc.Reflection.V1;
using CrmPlatform.Grpc.Tests.Infrastructure;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Builder;
using V1Alpha = CrmPlatform.Grpc.Reflection.V1Alpha;

namespace CrmPlatform.Grpc.Tests;

public sealed class ReflectionTests : IAsyncLifetime
{
    private GrpcTestServer _server = null!;

    public async Task InitializeAsync() => _server = await GrpcTestServer.StartAsync(map: app =>
    {
        app.MapGrpcService<DescribedService>(DescribedService.Bind, DescribedService.Descriptor);
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ListServicesNamesEveryMappedService()
    {
        var response = await AskAsync(new ServerReflectionRequest { ListServices = "" });

        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "test.Tester", "test.described.v1.Described"],
            response.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Fact]
    public async Task FileContainingSymbolReturnsTheFileAndItsTransitiveDependencies()
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "test.described.v1.Described" });

        var files = response.FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom).ToList();
        Assert.Equal("described.proto", files[0].Name);
        Assert.Equal("Described", files[0].Service.Single().Name);
        Assert.Contains(files, f => f.Name == "google/protobuf/empty.proto");
        Assert.Contains(files, f => f.Name == "google/protobuf/wrappers.proto");
    }

    [Theory]
    [InlineData("test.described.v1.Described.Ping")]
    [InlineData("test.described.v1.Note")]
    [InlineData("test.described.v1.Note.Line")]
    [InlineData("grpc.health.v1.HealthCheckResponse.ServingStatus")]
    [InlineData("google.protobuf.StringValue")]
    public async Task MethodsMessagesNestedTypesAndEnumsAreFoundBySymbol(string symbol)
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });

        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, response.MessageResponseCase);
    }

    [Fact]
    public async Task FileByFilenameReturnsTheNamedFile()
    {
        var response = await AskAsync(new ServerReflectionRequest { FileByFilename = "grpc/health/v1/health.proto" });

        var file = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal("grpc.health.v1", file.Package);
    }

    [Fact]
    public async Task UnknownSymbolIsAnErrorResponseWithNotFound()
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "no.such.Thing" });

        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task OneStreamAnswersManyRequestsInOrder()
    {
        using var call = new ServerReflection.ServerReflectionClient(_server.CreateChannel()).ServerReflectionInfo();
        string[] symbols = ["grpc.health.v1.Health", "test.described.v1.Described", "nope"];
        foreach (var symbol in symbols)
        {
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });
        }

        await call.RequestStream.CompleteAsync();
        var answered = new List<string>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            answered.Add(response.OriginalRequest.FileContainingSymbol);
        }

        Assert.Equal(symbols, answered);
    }

    [Fact]
    public async Task V1AlphaReflectionAnswersToo()
    {
        using var call = new V1Alpha.ServerReflection.ServerReflectionClient(_server.CreateChannel()).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new V1Alpha.ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "test.Tester");
    }

    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        using var call = new ServerReflection.ServerReflectionClient(_server.CreateChannel()).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current;
    }
}
