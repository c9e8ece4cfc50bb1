using CrmPlatform.Hosting;

namespace CrmPlatform.AppHost.Orchestration;

/// <summary>The last <see cref="Capacity"/> console lines of one resource, across restarts (a ring buffer).</summary>
public sealed class ResourceLog(int capacity = ResourceLog.DefaultCapacity)
{
    public const int DefaultCapacity = 5_000;

    private readonly LogLine[] _lines = new LogLine[capacity];
    private readonly Lock _lock = new();
    private long _count;

    /// <summary>Raised for every new line, on the thread that read it; handlers must be quick and must not throw.</summary>
    public event Action<LogLine>? LineAdded;

    public int Capacity => _lines.Length;

    /// <summary>How many lines were ever added (older ones beyond <see cref="Capacity"/> are gone).</summary>
    public long TotalLines
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    public void Add(ServerOutputLine line)
    {
        var entry = new LogLine(DateTimeOffset.UtcNow, line.Source, line.Text, line.IsError);
        lock (_lock)
        {
            _lines[_count % _lines.Length] = entry;
            _count++;
        }

        LineAdded?.Invoke(entry);
    }

    /// <summary>The kept lines, oldest first.</summary>
    public IReadOnlyList<LogLine> Snapshot() => SnapshotWithTotal().Lines;

    /// <summary>The kept lines, oldest first, with <see cref="TotalLines"/> read at the same moment (so lines can be numbered).</summary>
    public (IReadOnlyList<LogLine> Lines, long Total) SnapshotWithTotal()
    {
        lock (_lock)
        {
            var kept = (int)Math.Min(_count, _lines.Length);
            var result = new LogLine[kept];
            for (var i = 0; i < kept; i++)
            {
                result[i] = _lines[(_count - kept + i) % _lines.Length];
            }

            return (result, _count);
        }
    }
}
