using Google.Protobuf;

namespace CrmPlatform.Grpc.Reflection.V1Alpha;

/// <summary>
/// grpc.reflection.v1alpha over the descriptors of the mapped services. Its messages are v1's on the wire (same
/// fields, same numbers), so each request is converted and answered by the v1 implementation.
/// </summary>
internal sealed class ServerReflectionServiceImpl(GrpcServiceRegistry registry) : ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(IAsyncStreamReader<ServerReflectionRequest> requestStream, IServerStreamWriter<ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        var index = new ReflectionIndex(registry);
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = V1.ServerReflectionRequest.Parser.ParseFrom(requestStream.Current.ToByteString());
            var answer = V1.ServerReflectionServiceImpl.Answer(index, request);
            await responseStream.WriteAsync(ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString()), context.CancellationToken).ConfigureAwait(false);
        }
    }
}
