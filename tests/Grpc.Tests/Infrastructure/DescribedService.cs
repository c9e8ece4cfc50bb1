using CrmPlatform.Grpc.Tests.Described;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.Grpc.Tests.Infrastructure;

/// <summary>A hand-bound service whose protobuf descriptor is passed to MapGrpcService explicitly.</summary>
public sealed class DescribedService
{
    public static readonly Method<Empty, StringValue> Ping = new(MethodType.Unary, "test.described.v1.Described", "Ping", Empty.Parser, StringValue.Parser);

    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => DescribedReflection.Descriptor.Services[0];

    public static void Bind(ServiceBinder<DescribedService> binder) =>
        binder.AddUnaryMethod(Ping, static (_, _, _) => Task.FromResult(new StringValue { Value = "pong" }));
}
