using CrmPlatform.Grpc.Interop.Testing;

namespace CrmPlatform.Grpc.Interop;

public sealed partial class InteropClient
{
    private const string TestStatusMessage = "test status message";
    private const string SpecialStatusMessage = "\t\ntest with whitespace\r\nand Unicode BMP \u263A and non-BMP \U0001F608\t\n";

    private async Task EmptyUnaryAsync()
    {
        var response = await _client.EmptyCallAsync(new Empty());
        Expect.True(response is not null, "EmptyCall returned no response");
    }

    private async Task LargeUnaryAsync()
    {
        var response = await _client.UnaryCallAsync(LargeRequest());
        Expect.Zeros(response.Payload, 314159, "UnaryCall");
    }

    private async Task ClientCompressedUnaryAsync()
    {
        await Expect.Status(StatusCode.InvalidArgument,
            () => _client.UnaryCallAsync(LargeRequest(expectCompressed: true)).ResponseAsync, "uncompressed probe");

        var compressed = await _client.UnaryCallAsync(LargeRequest(expectCompressed: true), new CallOptions(GzipRequests()));
        Expect.Zeros(compressed.Payload, 314159, "compressed UnaryCall");

        var uncompressed = await _client.UnaryCallAsync(LargeRequest(expectCompressed: false));
        Expect.Zeros(uncompressed.Payload, 314159, "uncompressed UnaryCall");
    }

    private async Task ServerCompressedUnaryAsync()
    {
        foreach (var compressed in new[] { true, false })
        {
            var request = LargeRequest();
            request.ResponseCompressed = new BoolValue { Value = compressed };
            var response = await _client.UnaryCallAsync(request);
            Expect.Zeros(response.Payload, 314159, $"UnaryCall response_compressed={compressed}");
            if (_serverCompressesResponses)
            {
                Expect.SequenceEqual([compressed], _frames.LastResponseCompressedFlags, $"compressed flags with response_compressed={compressed}");
            }
        }
    }

    private async Task CustomMetadataAsync()
    {
        using (var unary = _client.UnaryCallAsync(LargeRequest(), EchoMetadata()))
        {
            Expect.Zeros((await unary).Payload, 314159, "UnaryCall");
            ExpectEchoedMetadata(await unary.ResponseHeadersAsync, unary.GetTrailers(), "UnaryCall");
        }

        using var duplex = _client.FullDuplexCall(EchoMetadata());
        await duplex.RequestStream.WriteAsync(new StreamingOutputCallRequest
        {
            ResponseParameters = { new ResponseParameters { Size = 314159 } },
            Payload = Payloads.Zeros(271828),
        });
        await duplex.RequestStream.CompleteAsync();
        Expect.ZerosSequence(await ReadAllAsync(duplex.ResponseStream), [314159], "FullDuplexCall");
        ExpectEchoedMetadata(await duplex.ResponseHeadersAsync, duplex.GetTrailers(), "FullDuplexCall");
    }

    private async Task StatusCodeAndMessageAsync()
    {
        var status = new EchoStatus { Code = 2, Message = TestStatusMessage };
        var unary = await Expect.Status(StatusCode.Unknown,
            () => _client.UnaryCallAsync(new SimpleRequest { ResponseStatus = status }).ResponseAsync, "UnaryCall");
        Expect.Equal(TestStatusMessage, unary.Status.Detail, "UnaryCall status message");

        using var call = _client.FullDuplexCall();
        await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseStatus = status });
        await call.RequestStream.CompleteAsync();
        var duplex = await Expect.Status(StatusCode.Unknown, () => call.ResponseStream.MoveNext(CancellationToken.None), "FullDuplexCall");
        Expect.Equal(TestStatusMessage, duplex.Status.Detail, "FullDuplexCall status message");
    }

    private async Task SpecialStatusMessageAsync()
    {
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = 2, Message = SpecialStatusMessage } };
        var error = await Expect.Status(StatusCode.Unknown, () => _client.UnaryCallAsync(request).ResponseAsync, "UnaryCall");
        Expect.Equal(SpecialStatusMessage, error.Status.Detail, "status message");
    }

    private async Task UnimplementedMethodAsync() =>
        await Expect.Status(StatusCode.Unimplemented, () => _client.UnimplementedCallAsync(new Empty()).ResponseAsync, "TestService/UnimplementedCall");

    private async Task UnimplementedServiceAsync()
    {
        var client = new UnimplementedService.UnimplementedServiceClient(_channel);
        await Expect.Status(StatusCode.Unimplemented, () => client.UnimplementedCallAsync(new Empty()).ResponseAsync, "UnimplementedService/UnimplementedCall");
    }

    private static SimpleRequest LargeRequest(bool? expectCompressed = null)
    {
        var request = new SimpleRequest { ResponseSize = 314159, Payload = Payloads.Zeros(271828) };
        if (expectCompressed is bool expect)
        {
            request.ExpectCompressed = new BoolValue { Value = expect };
        }

        return request;
    }

    /// <summary>Request metadata that makes the runtime gzip this call's request messages.</summary>
    private static Metadata GzipRequests() => new() { { "grpc-internal-encoding-request", "gzip" } };

    private static Metadata EchoMetadata() => new()
    {
        { TestServiceImpl.EchoInitialKey, "test_initial_metadata_value" },
        { TestServiceImpl.EchoTrailingKey, new byte[] { 0xab, 0xab, 0xab } },
    };

    private static void ExpectEchoedMetadata(Metadata headers, Metadata trailers, string what)
    {
        Expect.Equal("test_initial_metadata_value", headers.GetValue(TestServiceImpl.EchoInitialKey), $"{what} echoed initial metadata");
        var trailing = trailers.GetValueBytes(TestServiceImpl.EchoTrailingKey);
        Expect.True(trailing is not null && trailing.SequenceEqual(new byte[] { 0xab, 0xab, 0xab }),
            $"{what}: echoed trailing metadata is {(trailing is null ? "missing" : Convert.ToHexString(trailing))}, expected ABABAB");
    }
}
