namespace CrmPlatform.Grpc.Tests.Infrastructure;

/// <summary>Lets tests observe what handlers saw: cancellation, and anything recorded by interceptors.</summary>
public sealed class CallProbe
{
    private readonly List<string> _events = [];

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Record(string value)
    {
        lock (_events)
        {
            _events.Add(value);
        }
    }
}
