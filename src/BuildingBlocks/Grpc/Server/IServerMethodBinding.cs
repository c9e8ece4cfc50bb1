namespace CrmPlatform.Grpc;

/// <summary>One bound method: knows how to build its call handler once the runtime is known.</summary>
internal interface IServerMethodBinding
{
    IMethod Method { get; }

    ServerCallHandler CreateHandler(GrpcServerRuntime runtime);
}
