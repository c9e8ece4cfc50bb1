namespace CrmPlatform.Grpc;

internal static class CallTokens
{
    /// <summary>One token for both; allocates a linked source only when both can be cancelled and differ.</summary>
    public static CancellationTokenSource? Combine(CancellationToken callToken, CancellationToken userToken, out CancellationToken token)
    {
        if (!userToken.CanBeCanceled || userToken == callToken)
        {
            token = callToken;
            return null;
        }

        if (!callToken.CanBeCanceled)
        {
            token = userToken;
            return null;
        }

        var linked = CancellationTokenSource.CreateLinkedTokenSource(callToken, userToken);
        token = linked.Token;
        return linked;
    }
}
