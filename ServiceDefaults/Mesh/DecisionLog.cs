namespace AspireAuth.ServiceDefaults.Mesh;

/// <summary>One recorded decision (no tokens, cookies or header values: the reasons only).</summary>
public sealed record DecisionRecord(DateTimeOffset Time, string Workload, string Method, string Host, string Path, int Status, string Stage, IReadOnlyList<string> Explanation);

/// <summary>The last decisions of this process, newest first, for the dashboard's "last decisions" command.</summary>
public sealed class DecisionLog
{
    public const int Capacity = 50;

    private readonly Lock _lock = new();
    private readonly LinkedList<DecisionRecord> _records = new();

    public void Add(DecisionRecord record)
    {
        lock (_lock)
        {
            _records.AddFirst(record);
            if (_records.Count > Capacity)
            {
                _records.RemoveLast();
            }
        }
    }

    public IReadOnlyList<DecisionRecord> Recent()
    {
        lock (_lock)
        {
            return _records.ToArray();
        }
    }
}
