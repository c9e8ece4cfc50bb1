using CrmPlatform.Grpc.Generator.Tests.Infrastructure;

namespace CrmPlatform.Grpc.Generator.Tests;

public sealed class GeneratedCodeTests
{
    private const string Greeter = """
        syntax = "proto3";
        package crm.greet.v1;

        // Says hello.
        service Greeter {
          // Greets once.
          rpc SayHello (HelloRequest) returns (HelloReply);
          rpc SayHellos (HelloRequest) returns (stream HelloReply);
          rpc CollectHellos (stream HelloRequest) returns (HelloReply);
          rpc Chat (stream HelloRequest) returns (stream HelloReply);
        }

        message HelloRequest { string name = 1; }
        message HelloReply { string message = 1; }
        """;

    [Fact]
    public void Emits_the_service_class_with_method_descriptors_descriptor_and_BindService()
    {
        var source = GeneratorHarness.Run(new ProtoSource("crm/greet/v1/greet.proto", Greeter)).SingleSource;

        Assert.Contains("namespace Crm.Greet.V1", source);
        Assert.Contains("public static partial class Greeter", source);
        Assert.Contains("private const string __ServiceName = \"crm.greet.v1.Greeter\";", source);
        Assert.Contains(
            "private static readonly global::CrmPlatform.Grpc.Method<global::Crm.Greet.V1.HelloRequest, global::Crm.Greet.V1.HelloReply> __Method_SayHello = new global::CrmPlatform.Grpc.Method<global::Crm.Greet.V1.HelloRequest, global::Crm.Greet.V1.HelloReply>(",
            source);
        Assert.Contains("global::CrmPlatform.Grpc.MethodType.Unary,", source);
        Assert.Contains("global::CrmPlatform.Grpc.MethodType.ServerStreaming,", source);
        Assert.Contains("global::CrmPlatform.Grpc.MethodType.ClientStreaming,", source);
        Assert.Contains("global::CrmPlatform.Grpc.MethodType.DuplexStreaming,", source);
        Assert.Contains("global::Crm.Greet.V1.HelloRequest.Parser,", source);
        Assert.Contains(
            "public static global::Google.Protobuf.Reflection.ServiceDescriptor Descriptor => global::Crm.Greet.V1.GreetReflection.Descriptor.Services[0];",
            source);
        Assert.Contains("public static void BindService<TService>(global::CrmPlatform.Grpc.ServiceBinder<TService> binder)", source);
        Assert.Contains("where TService : GreeterBase", source);
        Assert.Contains("binder.AddUnaryMethod(__Method_SayHello, static (service, request, context) => service.SayHello(request, context));", source);
        Assert.Contains("binder.AddServerStreamingMethod(__Method_SayHellos, static (service, request, responseStream, context) => service.SayHellos(request, responseStream, context));", source);
        Assert.Contains("binder.AddClientStreamingMethod(__Method_CollectHellos, static (service, requestStream, context) => service.CollectHellos(requestStream, context));", source);
        Assert.Contains("binder.AddDuplexStreamingMethod(__Method_Chat, static (service, requestStream, responseStream, context) => service.Chat(requestStream, responseStream, context));", source);
    }

    [Fact]
    public void Emits_the_server_base_class()
    {
        var source = GeneratorHarness.Run(new ProtoSource("crm/greet/v1/greet.proto", Greeter)).SingleSource;

        Assert.Contains("[global::CrmPlatform.Grpc.BindServiceMethod(typeof(Greeter), nameof(BindService))]", source);
        Assert.Contains("public abstract partial class GreeterBase", source);
        Assert.Contains(
            "public virtual global::System.Threading.Tasks.Task<global::Crm.Greet.V1.HelloReply> SayHello(global::Crm.Greet.V1.HelloRequest request, global::CrmPlatform.Grpc.ServerCallContext context)",
            source);
        Assert.Contains(
            "public virtual global::System.Threading.Tasks.Task SayHellos(global::Crm.Greet.V1.HelloRequest request, global::CrmPlatform.Grpc.IServerStreamWriter<global::Crm.Greet.V1.HelloReply> responseStream, global::CrmPlatform.Grpc.ServerCallContext context)",
            source);
        Assert.Contains(
            "public virtual global::System.Threading.Tasks.Task<global::Crm.Greet.V1.HelloReply> CollectHellos(global::CrmPlatform.Grpc.IAsyncStreamReader<global::Crm.Greet.V1.HelloRequest> requestStream, global::CrmPlatform.Grpc.ServerCallContext context)",
            source);
        Assert.Contains(
            "public virtual global::System.Threading.Tasks.Task Chat(global::CrmPlatform.Grpc.IAsyncStreamReader<global::Crm.Greet.V1.HelloRequest> requestStream, global::CrmPlatform.Grpc.IServerStreamWriter<global::Crm.Greet.V1.HelloReply> responseStream, global::CrmPlatform.Grpc.ServerCallContext context)",
            source);
        Assert.Contains(
            "throw new global::CrmPlatform.Grpc.RpcException(new global::CrmPlatform.Grpc.Status(global::CrmPlatform.Grpc.StatusCode.Unimplemented, \"Method crm.greet.v1.Greeter/SayHello is unimplemented.\"));",
            source);
    }

    [Fact]
    public void Emits_the_client()
    {
        var source = GeneratorHarness.Run(new ProtoSource("crm/greet/v1/greet.proto", Greeter)).SingleSource;
        const string CallParameters = "global::CrmPlatform.Grpc.Metadata? headers = null, global::System.DateTime? deadline = null, global::System.Threading.CancellationToken cancellationToken = default";

        Assert.Contains("public partial class GreeterClient : global::CrmPlatform.Grpc.ClientBase<GreeterClient>", source);
        Assert.Contains("public GreeterClient(global::CrmPlatform.Grpc.ChannelBase channel)", source);
        Assert.Contains("public GreeterClient(global::CrmPlatform.Grpc.CallInvoker callInvoker)", source);
        Assert.Contains(
            "public virtual global::CrmPlatform.Grpc.AsyncUnaryCall<global::Crm.Greet.V1.HelloReply> SayHelloAsync(global::Crm.Greet.V1.HelloRequest request, " + CallParameters + ")",
            source);
        Assert.Contains("return SayHelloAsync(request, new global::CrmPlatform.Grpc.CallOptions(headers, deadline, cancellationToken));", source);
        Assert.Contains(
            "public virtual global::CrmPlatform.Grpc.AsyncUnaryCall<global::Crm.Greet.V1.HelloReply> SayHelloAsync(global::Crm.Greet.V1.HelloRequest request, global::CrmPlatform.Grpc.CallOptions options)",
            source);
        Assert.Contains("return CallInvoker.AsyncUnaryCall(__Method_SayHello, null, options, request);", source);
        Assert.Contains(
            "public virtual global::CrmPlatform.Grpc.AsyncServerStreamingCall<global::Crm.Greet.V1.HelloReply> SayHellos(global::Crm.Greet.V1.HelloRequest request, " + CallParameters + ")",
            source);
        Assert.Contains("return CallInvoker.AsyncServerStreamingCall(__Method_SayHellos, null, options, request);", source);
        Assert.Contains(
            "public virtual global::CrmPlatform.Grpc.AsyncClientStreamingCall<global::Crm.Greet.V1.HelloRequest, global::Crm.Greet.V1.HelloReply> CollectHellos(" + CallParameters + ")",
            source);
        Assert.Contains("return CallInvoker.AsyncClientStreamingCall(__Method_CollectHellos, null, options);", source);
        Assert.Contains(
            "public virtual global::CrmPlatform.Grpc.AsyncDuplexStreamingCall<global::Crm.Greet.V1.HelloRequest, global::Crm.Greet.V1.HelloReply> Chat(global::CrmPlatform.Grpc.CallOptions options)",
            source);
        Assert.Contains("return CallInvoker.AsyncDuplexStreamingCall(__Method_Chat, null, options);", source);
        Assert.DoesNotContain("SayHellosAsync", source);
    }

    [Fact]
    public void Turns_proto_comments_into_xml_documentation()
    {
        var source = GeneratorHarness.Run(new ProtoSource("a.proto", """
            syntax = "proto3";
            // Keeps <customers> & "contacts".
            service Customers {
              // Finds one.
              // Fails with NOT_FOUND.
              rpc Find (M) returns (M);
            }
            message M {}
            """)).SingleSource;

        Assert.Contains("/// <summary>\n/// Keeps &lt;customers&gt; &amp; \"contacts\".\n/// </summary>\n", source);
        Assert.Contains("/// Finds one.\n", source);
        Assert.Contains("/// Fails with NOT_FOUND.\n", source);
    }

    [Fact]
    public void Emits_one_file_per_proto_file_with_services_and_none_for_others()
    {
        var run = GeneratorHarness.Run(
            new ProtoSource("crm/v1/messages.proto", "syntax = \"proto3\"; package crm.v1; message M {}"),
            new ProtoSource("crm/v1/a_service.proto", "syntax = \"proto3\"; package crm.v1; import \"crm/v1/messages.proto\"; service A { rpc X (M) returns (M); }"),
            new ProtoSource("crm/v2/a_service.proto", "syntax = \"proto3\"; package crm.v2; import \"crm/v1/messages.proto\"; service A { rpc X (crm.v1.M) returns (crm.v1.M); }"));

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["Crm.V1.AServiceGrpc.g.cs", "Crm.V2.AServiceGrpc.g.cs"], run.Sources.Keys.Order());
    }

    [Fact]
    public void Deprecated_services_and_rpcs_are_obsolete()
    {
        var source = GeneratorHarness.Run(new ProtoSource("a.proto", """
            syntax = "proto3";
            package p;
            message M {}
            service Old { option deprecated = true; rpc X (M) returns (M); }
            service Current {
              rpc Kept (M) returns (M) { option deprecated = false; }
              rpc Retired (M) returns (M) { option deprecated = true; }
            }
            """)).SingleSource;

        Assert.Contains("[global::System.Obsolete]\n    public static partial class Old", source);
        Assert.Contains("[global::System.Obsolete]\n        [global::CrmPlatform.Grpc.BindServiceMethod(typeof(Old), nameof(BindService))]", source);
        Assert.Contains("[global::System.Obsolete]\n        public partial class OldClient", source);
        Assert.Contains("[global::System.Obsolete]\n            public virtual global::System.Threading.Tasks.Task<global::P.M> Retired(", source);
        Assert.Equal(2, source.Split("[global::System.Obsolete]\n            public virtual global::CrmPlatform.Grpc.AsyncUnaryCall<global::P.M> RetiredAsync(").Length - 1);
        Assert.DoesNotContain("[global::System.Obsolete]\n            public virtual global::System.Threading.Tasks.Task<global::P.M> Kept(", source);
        Assert.DoesNotContain("[global::System.Obsolete]\n    public static partial class Current", source);
    }

    [Fact]
    public void A_file_listed_twice_is_generated_once()
    {
        var proto = new ProtoSource("crm/greet/v1/greet.proto", Greeter);

        var run = GeneratorHarness.Run(proto, proto);

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["Crm.Greet.V1.GreetGrpc.g.cs"], run.Sources.Keys);
    }

    [Fact]
    public void Escapes_rpc_names_that_are_csharp_keywords()
    {
        var source = GeneratorHarness.Run(new ProtoSource("a.proto", """
            syntax = "proto3";
            package p;
            service Locks { rpc lock (M) returns (M); rpc event (stream M) returns (stream M); }
            message M {}
            """)).SingleSource;

        Assert.Contains(" @lock(global::P.M request, global::CrmPlatform.Grpc.ServerCallContext context)", source);
        Assert.Contains(" lockAsync(global::P.M request, ", source);
        Assert.Contains("static (service, request, context) => service.@lock(request, context)", source);
        Assert.Contains(" @event(global::CrmPlatform.Grpc.CallOptions options)", source);
        Assert.Contains("\"lock\",", source);
    }
}
