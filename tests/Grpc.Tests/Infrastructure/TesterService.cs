using System.Text;
using CrmPlatform.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.Grpc.Tests.Infrastructure;

public sealed class TesterService(CallProbe probe) : TesterBase
{
    public override Task<StringValue> Echo(StringValue request, ServerCallContext context) =>
        Task.FromResult(new StringValue { Value = request.Value });

    /// <summary>"rpc:CODE:detail" throws an RpcException with a trailer, "status:CODE:detail" sets the status, anything else throws InvalidOperationException.</summary>
    public override Task<StringValue> Fail(StringValue request, ServerCallContext context)
    {
        var parts = request.Value.Split(':', 3);
        if (parts[0] == "rpc")
        {
            var trailers = new Metadata { { "error-id", "42" }, { "error-bin", [1, 2, 3] } };
            throw new RpcException(new Status(System.Enum.Parse<StatusCode>(parts[1]), parts[2]), trailers);
        }

        if (parts[0] == "status")
        {
            context.Status = new Status(System.Enum.Parse<StatusCode>(parts[1]), parts[2]);
            return Task.FromResult(new StringValue());
        }

        throw new InvalidOperationException("secret internal detail");
    }

    public override async Task<Empty> Wait(Int32Value request, ServerCallContext context)
    {
        probe.Started.TrySetResult();
        try
        {
            await Task.Delay(request.Value, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.Cancelled.TrySetResult();
            throw;
        }

        return new Empty();
    }

    public override async Task<Empty> Headers(Empty request, ServerCallContext context)
    {
        var response = new Metadata();
        foreach (var entry in context.RequestHeaders)
        {
            if (entry.Key.StartsWith("x-", StringComparison.Ordinal))
            {
                response.Add(entry.IsBinary ? new Metadata.Entry("echo-" + entry.Key, entry.ValueBytes) : new Metadata.Entry("echo-" + entry.Key, entry.Value));
                context.ResponseTrailers.Add(entry.IsBinary ? new Metadata.Entry("trailer-" + entry.Key, entry.ValueBytes) : new Metadata.Entry("trailer-" + entry.Key, entry.Value));
            }
        }

        await context.WriteResponseHeadersAsync(response);
        return new Empty();
    }

    public override async Task<Int32Value> Sum(IAsyncStreamReader<Int32Value> requestStream, ServerCallContext context)
    {
        var sum = 0;
        await foreach (var value in requestStream.ReadAllAsync(context.CancellationToken))
        {
            sum += value.Value;
        }

        return new Int32Value { Value = sum };
    }

    public override async Task Count(Int32Value request, IServerStreamWriter<Int32Value> responseStream, ServerCallContext context)
    {
        try
        {
            for (var i = 1; i <= request.Value; i++)
            {
                await responseStream.WriteAsync(new Int32Value { Value = i });
            }
        }
        finally
        {
            probe.Record("count finished");
        }
    }

    /// <summary>Asks for gzip on this call only, then sends the text twice: compressed, and with NoCompress.</summary>
    public override async Task Zip(StringValue request, IServerStreamWriter<StringValue> responseStream, ServerCallContext context)
    {
        await context.WriteResponseHeadersAsync(new Metadata { { "grpc-internal-encoding-request", "gzip" } });
        await responseStream.WriteAsync(request);
        responseStream.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        await responseStream.WriteAsync(request);
    }

    public override async Task Chat(IAsyncStreamReader<StringValue> requestStream, IServerStreamWriter<StringValue> responseStream, ServerCallContext context)
    {
        await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
        {
            var reply = new StringBuilder("re: ").Append(message.Value).ToString();
            await responseStream.WriteAsync(new StringValue { Value = reply });
        }
    }
}
