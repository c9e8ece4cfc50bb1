using CrmPlatform.Grpc.Interop.Testing;

namespace CrmPlatform.Grpc.Interop;

public sealed partial class InteropClient
{
    private async Task ClientStreamingAsync()
    {
        using var call = _client.StreamingInputCall();
        foreach (var size in new[] { 27182, 8, 1828, 45904 })
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Payloads.Zeros(size) });
        }

        await call.RequestStream.CompleteAsync();
        Expect.Equal(74922, (await call.ResponseAsync).AggregatedPayloadSize, "aggregated_payload_size");
    }

    private async Task ClientCompressedStreamingAsync()
    {
        using (var probe = _client.StreamingInputCall())
        {
            await Expect.Status(StatusCode.InvalidArgument, async () =>
            {
                await probe.RequestStream.WriteAsync(CompressedInput(expectCompressed: true, 27182));
                await probe.RequestStream.CompleteAsync();
                await probe.ResponseAsync;
            }, "uncompressed probe");
        }

        using var call = _client.StreamingInputCall(new CallOptions(GzipRequests()));
        await call.RequestStream.WriteAsync(CompressedInput(expectCompressed: true, 27182));
        call.RequestStream.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        await call.RequestStream.WriteAsync(CompressedInput(expectCompressed: false, 45904));
        await call.RequestStream.CompleteAsync();
        Expect.Equal(73086, (await call.ResponseAsync).AggregatedPayloadSize, "aggregated_payload_size");
    }

    private async Task ServerStreamingAsync()
    {
        int[] sizes = [31415, 9, 2653, 58979];
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.AddRange(sizes.Select(size => new ResponseParameters { Size = size }));
        using var call = _client.StreamingOutputCall(request);
        Expect.ZerosSequence(await ReadAllAsync(call.ResponseStream), sizes, "StreamingOutputCall");
    }

    private async Task ServerCompressedStreamingAsync()
    {
        var request = new StreamingOutputCallRequest
        {
            ResponseParameters =
            {
                new ResponseParameters { Compressed = new BoolValue { Value = true }, Size = 31415 },
                new ResponseParameters { Compressed = new BoolValue { Value = false }, Size = 92653 },
            },
        };
        using var call = _client.StreamingOutputCall(request);
        Expect.ZerosSequence(await ReadAllAsync(call.ResponseStream), [31415, 92653], "StreamingOutputCall");
        if (_serverCompressesResponses)
        {
            Expect.SequenceEqual([true, false], _frames.LastResponseCompressedFlags, "compressed flags of the responses");
        }
    }

    private async Task PingPongAsync()
    {
        using var call = _client.FullDuplexCall();
        foreach (var (responseSize, requestSize) in new[] { (31415, 27182), (9, 8), (2653, 1828), (58979, 45904) })
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest
            {
                ResponseParameters = { new ResponseParameters { Size = responseSize } },
                Payload = Payloads.Zeros(requestSize),
            });
            Expect.True(await call.ResponseStream.MoveNext(CancellationToken.None), "FullDuplexCall: the stream ended early");
            Expect.Zeros(call.ResponseStream.Current.Payload, responseSize, "FullDuplexCall");
        }

        await call.RequestStream.CompleteAsync();
        Expect.True(!await call.ResponseStream.MoveNext(CancellationToken.None), "FullDuplexCall: more responses than requests");
    }

    private async Task EmptyStreamAsync()
    {
        using var call = _client.FullDuplexCall();
        await call.RequestStream.CompleteAsync();
        Expect.Equal(0, (await ReadAllAsync(call.ResponseStream)).Count, "response count");
    }

    private async Task CancelAfterBeginAsync()
    {
        using var cancellation = new CancellationTokenSource();
        using var call = _client.StreamingInputCall(cancellationToken: cancellation.Token);
        await cancellation.CancelAsync();
        await Expect.Status(StatusCode.Cancelled, () => call.ResponseAsync, "cancelled StreamingInputCall");
    }

    private async Task CancelAfterFirstResponseAsync()
    {
        using var cancellation = new CancellationTokenSource();
        using var call = _client.FullDuplexCall(cancellationToken: cancellation.Token);
        await call.RequestStream.WriteAsync(new StreamingOutputCallRequest
        {
            ResponseParameters = { new ResponseParameters { Size = 31415 } },
            Payload = Payloads.Zeros(27182),
        });
        Expect.True(await call.ResponseStream.MoveNext(CancellationToken.None), "FullDuplexCall: no first response");
        Expect.Zeros(call.ResponseStream.Current.Payload, 31415, "FullDuplexCall");
        await cancellation.CancelAsync();
        await Expect.Status(StatusCode.Cancelled, () => call.ResponseStream.MoveNext(CancellationToken.None), "cancelled FullDuplexCall");
    }

    private async Task TimeoutOnSleepingServerAsync()
    {
        using var call = _client.FullDuplexCall(deadline: DateTime.UtcNow.AddMilliseconds(1));
        try
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { Payload = Payloads.Zeros(27182) });
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded)
        {
            // The deadline may pass before the write: the call has then already ended as the case expects.
        }

        await Expect.Status(StatusCode.DeadlineExceeded, () => call.ResponseStream.MoveNext(CancellationToken.None), "FullDuplexCall with a 1 ms deadline");
    }

    private static StreamingInputCallRequest CompressedInput(bool expectCompressed, int size) => new()
    {
        ExpectCompressed = new BoolValue { Value = expectCompressed },
        Payload = Payloads.Zeros(size),
    };

    private static async Task<List<StreamingOutputCallResponse>> ReadAllAsync(IAsyncStreamReader<StreamingOutputCallResponse> stream)
    {
        var responses = new List<StreamingOutputCallResponse>();
        while (await stream.MoveNext(CancellationToken.None))
        {
            responses.Add(stream.Current);
        }

        return responses;
    }
}
