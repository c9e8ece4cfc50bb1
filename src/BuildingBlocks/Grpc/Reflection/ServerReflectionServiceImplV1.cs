namespace CrmPlatform.Grpc.Reflection.V1;

/// <summary>grpc.reflection.v1 over the descriptors of the mapped services.</summary>
internal sealed class ServerReflectionServiceImpl(GrpcServiceRegistry registry) : ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(IAsyncStreamReader<ServerReflectionRequest> requestStream, IServerStreamWriter<ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        var index = new ReflectionIndex(registry);
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(Answer(index, requestStream.Current), context.CancellationToken).ConfigureAwait(false);
        }
    }

    internal static ServerReflectionResponse Answer(ReflectionIndex index, ServerReflectionRequest request)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                var services = new ListServiceResponse();
                foreach (var name in index.ServiceNames)
                {
                    services.Service.Add(new ServiceResponse { Name = name });
                }

                response.ListServicesResponse = services;
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFiles(response, index.FindFile(request.FileByFilename), $"File '{request.FileByFilename}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFiles(response, index.FindSymbol(request.FileContainingSymbol), $"Symbol '{request.FileContainingSymbol}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType when index.IsMessage(request.AllExtensionNumbersOfType):
                response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType };
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                SetError(response, StatusCode.NotFound, $"Type '{request.AllExtensionNumbersOfType}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                SetError(response, StatusCode.NotFound, "Extensions are not indexed.");
                break;
            default:
                SetError(response, StatusCode.Unimplemented, "Unsupported reflection request.");
                break;
        }

        return response;
    }

    private static void SetFiles(ServerReflectionResponse response, Google.Protobuf.Reflection.FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }

        var files = new FileDescriptorResponse();
        files.FileDescriptorProto.AddRange(ReflectionIndex.WithDependencies(file));
        response.FileDescriptorResponse = files;
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
