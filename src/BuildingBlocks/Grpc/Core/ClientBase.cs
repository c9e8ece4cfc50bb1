namespace CrmPlatform.Grpc;

/// <summary>Base of generated clients.</summary>
public abstract class ClientBase<T>
    where T : ClientBase<T>
{
    protected ClientBase(ChannelBase channel)
        : this((channel ?? throw new ArgumentNullException(nameof(channel))).CreateCallInvoker())
    {
    }

    protected ClientBase(CallInvoker callInvoker)
    {
        CallInvoker = callInvoker ?? throw new ArgumentNullException(nameof(callInvoker));
    }

    protected CallInvoker CallInvoker { get; }
}
