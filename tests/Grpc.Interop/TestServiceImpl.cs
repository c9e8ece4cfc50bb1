using CrmPlatform.Grpc.Interop.Testing;
using Google.Protobuf.Collections;

namespace CrmPlatform.Grpc.Interop;

/// <summary>The interop server's TestService, per the gRPC interop test descriptions (server features).</summary>
public sealed class TestServiceImpl : TestService.TestServiceBase
{
    public const string EchoInitialKey = "x-grpc-test-echo-initial";
    public const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";
    private const string EncodingHeader = "grpc-encoding";
    private const string InternalEncodingRequestHeader = "grpc-internal-encoding-request";

    public override async Task<Empty> EmptyCall(Empty request, ServerCallContext context)
    {
        await EchoMetadataAsync(context, compressResponses: false);
        return new Empty();
    }

    public override async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        await EchoMetadataAsync(context, request.ResponseCompressed?.Value ?? false);
        ThrowIfStatusRequested(request.ResponseStatus);
        EnsureCompressed(request.ExpectCompressed, context);
        return new SimpleResponse { Payload = Payloads.Zeros(request.ResponseSize) };
    }

    public override async Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        var compress = (request.ResponseCompressed?.Value ?? false) || request.ResponseParameters.Any(p => p.Compressed?.Value ?? false);
        await EchoMetadataAsync(context, compress);
        ThrowIfStatusRequested(request.ResponseStatus);
        await WriteResponsesAsync(request.ResponseParameters, responseStream, context.CancellationToken);
    }

    public override async Task<StreamingInputCallResponse> StreamingInputCall(IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context, compressResponses: false);
        var aggregated = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            EnsureCompressed(request.ExpectCompressed, context);
            aggregated += request.Payload?.Body.Length ?? 0;
        }

        return new StreamingInputCallResponse { AggregatedPayloadSize = aggregated };
    }

    public override async Task FullDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context, compressResponses: false);
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            ThrowIfStatusRequested(request.ResponseStatus);
            await WriteResponsesAsync(request.ResponseParameters, responseStream, context.CancellationToken);
        }
    }

    public override async Task HalfDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context, compressResponses: false);
        var requests = new List<StreamingOutputCallRequest>();
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            ThrowIfStatusRequested(request.ResponseStatus);
            requests.Add(request);
        }

        foreach (var request in requests)
        {
            await WriteResponsesAsync(request.ResponseParameters, responseStream, context.CancellationToken);
        }
    }

    /// <summary>
    /// Echoes x-grpc-test-echo-initial as a response header and x-grpc-test-echo-trailing-bin as a trailer;
    /// asks the runtime to gzip this call's responses when <paramref name="compressResponses"/>.
    /// </summary>
    private static async Task EchoMetadataAsync(ServerCallContext context, bool compressResponses)
    {
        foreach (var entry in context.RequestHeaders.GetAll(EchoTrailingKey))
        {
            context.ResponseTrailers.Add(entry);
        }

        var headers = new Metadata();
        foreach (var entry in context.RequestHeaders.GetAll(EchoInitialKey))
        {
            headers.Add(entry);
        }

        if (compressResponses)
        {
            headers.Add(InternalEncodingRequestHeader, "gzip");
        }

        if (headers.Count > 0)
        {
            await context.WriteResponseHeadersAsync(headers);
        }
    }

    private static void ThrowIfStatusRequested(EchoStatus? status)
    {
        if (status is not null && status.Code != 0)
        {
            throw new RpcException(new Status((StatusCode)status.Code, status.Message));
        }
    }

    /// <summary>expect_compressed: the request must have arrived with a grpc-encoding other than identity.</summary>
    private static void EnsureCompressed(BoolValue? expectCompressed, ServerCallContext context)
    {
        if (expectCompressed?.Value != true)
        {
            return;
        }

        var encoding = context.GetHttpContext().Request.Headers[EncodingHeader].ToString();
        if (encoding.Length == 0 || encoding == "identity")
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Expected a compressed request."));
        }
    }

    /// <summary>One response per parameter, after its interval; only parameters with compressed=true are compressed.</summary>
    private static async Task WriteResponsesAsync(RepeatedField<ResponseParameters> parameters, IServerStreamWriter<StreamingOutputCallResponse> responseStream, CancellationToken cancellationToken)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.IntervalUs > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(parameter.IntervalUs), cancellationToken);
            }

            responseStream.WriteOptions = parameter.Compressed?.Value == true ? null : new WriteOptions(WriteFlags.NoCompress);
            await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = Payloads.Zeros(parameter.Size) }, cancellationToken);
        }
    }
}
