namespace CrmPlatform.AppHost.Dashboard.Storage;

/// <summary>A thread-safe ring of the newest <see cref="Capacity"/> items; older ones are evicted and counted.</summary>
public sealed class BoundedBuffer<T>(int capacity)
{
    private readonly Queue<T> _items = new();
    private readonly Lock _lock = new();
    private long _dropped;

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>How many items were evicted to make room.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public void AddRange(IEnumerable<T> items)
    {
        lock (_lock)
        {
            foreach (var item in items)
            {
                if (_items.Count == Capacity)
                {
                    _items.Dequeue();
                    _dropped++;
                }

                _items.Enqueue(item);
            }
        }
    }

    /// <summary>The kept items, oldest first.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_lock)
        {
            return [.. _items];
        }
    }
}
