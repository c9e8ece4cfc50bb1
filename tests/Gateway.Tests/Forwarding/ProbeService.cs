using System.Collections.Concurrent;
using CrmPlatform.Gateway.Tests.Forwarding.Probe;
using CrmPlatform.Grpc;

namespace CrmPlatform.Gateway.Tests.Forwarding;

/// <summary>What the probe destination saw: calls that started waiting, how they ended, and streams held for the test.</summary>
public sealed class ProbeObservations
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _cancelled = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _released = new();
    private int _echoCalls;

    /// <summary>How many Echo calls this probe has answered.</summary>
    public int EchoCalls => Volatile.Read(ref _echoCalls);

    /// <summary>Completes when the Wait call with this id reached the probe's handler.</summary>
    public Task Started(string id) => Signal(_started, id).Task;

    /// <summary>Completes when the Wait call with this id saw its cancellation token fire.</summary>
    public Task Cancelled(string id) => Signal(_cancelled, id).Task;

    public void Release(string holdId) => Signal(_released, holdId).TrySetResult();

    internal void CountEcho() => Interlocked.Increment(ref _echoCalls);

    internal void MarkStarted(string id) => Signal(_started, id).TrySetResult();

    internal void MarkCancelled(string id) => Signal(_cancelled, id).TrySetResult();

    internal Task Released(string holdId) => Signal(_released, holdId).Task;

    private static TaskCompletionSource Signal(ConcurrentDictionary<string, TaskCompletionSource> signals, string id) =>
        signals.GetOrAdd(id, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>The probe destination service behind the gateway in the forwarding tests.</summary>
public sealed class ProbeService(ProbeObservations observations) : Probe.Probe.ProbeBase
{
    public override async Task<EchoReply> Echo(EchoRequest request, ServerCallContext context)
    {
        observations.CountEcho();
        if (request.Text == "fail")
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "probe refuses: fail"), new Metadata { { "x-probe-reason", "asked to" } });
        }

        await context.WriteResponseHeadersAsync(new Metadata { { "x-probe-header", "hello" } });
        context.ResponseTrailers.Add("x-probe-trailer", "bye");
        context.ResponseTrailers.Add("x-probe-trailer-bin", [0, 1, 2, 255]);
        var reply = new EchoReply { Text = request.Text, HasDeadline = context.Deadline != DateTime.MaxValue };
        foreach (var (name, values) in context.GetHttpContext().Request.Headers)
        {
            if (!name.StartsWith(':'))
            {
                reply.Headers[name.ToLowerInvariant()] = values.ToString();
            }
        }

        return reply;
    }

    public override async Task Count(CountRequest request, IServerStreamWriter<CountReply> responseStream, ServerCallContext context)
    {
        for (var number = 1; number <= request.Count; number++)
        {
            await responseStream.WriteAsync(new CountReply { Number = number }, context.CancellationToken);
            if (number == 1 && request.HoldId.Length > 0)
            {
                await observations.Released(request.HoldId).WaitAsync(context.CancellationToken);
            }
        }
    }

    public override async Task<WaitReply> Wait(WaitRequest request, ServerCallContext context)
    {
        observations.MarkStarted(request.Id);
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            observations.MarkCancelled(request.Id);
            throw;
        }

        return new WaitReply();
    }
}
