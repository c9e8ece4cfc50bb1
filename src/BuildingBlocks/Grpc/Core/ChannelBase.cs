namespace CrmPlatform.Grpc;

/// <summary>A connection target that clients make calls on.</summary>
public abstract class ChannelBase
{
    protected ChannelBase(string target)
    {
        Target = target;
    }

    public string Target { get; }

    public abstract CallInvoker CreateCallInvoker();

    public virtual Task ShutdownAsync() => Task.CompletedTask;
}
