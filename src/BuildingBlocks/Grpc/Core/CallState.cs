namespace CrmPlatform.Grpc;

/// <summary>The callbacks a call object forwards to, bound to one state object so no closures are needed.</summary>
internal readonly struct CallState
{
    private readonly Func<object, Task<Metadata>> _responseHeaders;
    private readonly Func<object, Status> _status;
    private readonly Func<object, Metadata> _trailers;
    private readonly Action<object> _dispose;
    private readonly object _state;

    public CallState(Func<object, Task<Metadata>> responseHeaders, Func<object, Status> status, Func<object, Metadata> trailers, Action<object> dispose, object state)
    {
        _responseHeaders = responseHeaders ?? throw new ArgumentNullException(nameof(responseHeaders));
        _status = status ?? throw new ArgumentNullException(nameof(status));
        _trailers = trailers ?? throw new ArgumentNullException(nameof(trailers));
        _dispose = dispose ?? throw new ArgumentNullException(nameof(dispose));
        _state = state ?? throw new ArgumentNullException(nameof(state));
    }

    public static CallState From(Task<Metadata> responseHeaders, Func<Status> status, Func<Metadata> trailers, Action dispose) =>
        new(_ => responseHeaders, _ => status(), _ => trailers(), _ => dispose(), responseHeaders);

    public Task<Metadata> ResponseHeadersAsync => _responseHeaders(_state);

    public Status GetStatus() => _status(_state);

    public Metadata GetTrailers() => _trailers(_state);

    public void Dispose() => _dispose(_state);
}
