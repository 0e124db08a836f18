using System.Collections;

namespace AspireAuth.Mesh.Evaluation;

/// <summary>Request headers: case-insensitive names, several values per name, insertion order kept.</summary>
public sealed class RequestHeaders : IEnumerable<KeyValuePair<string, IReadOnlyList<string>>>
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = [];

    public RequestHeaders()
    {
    }

    public RequestHeaders(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> headers)
    {
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                Add(name, value);
            }
        }
    }

    public int Count => _values.Count;

    public void Add(string name, string value)
    {
        if (!_values.TryGetValue(name, out var list))
        {
            list = [];
            _values[name] = list;
            _order.Add(name);
        }

        list.Add(value);
    }

    public void Set(string name, string value)
    {
        Remove(name);
        Add(name, value);
    }

    public bool Remove(string name)
    {
        if (!_values.Remove(name))
        {
            return false;
        }

        _order.RemoveAll(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return true;
    }

    public bool Contains(string name) => _values.ContainsKey(name);

    public IReadOnlyList<string> GetValues(string name) => _values.TryGetValue(name, out var list) ? list : [];

    /// <summary>All values joined with <c>,</c>, as Envoy's header matcher sees duplicates; null when absent.</summary>
    public string? Joined(string name) => _values.TryGetValue(name, out var list) ? string.Join(',', list) : null;

    /// <summary>The value of a cookie in the <c>Cookie</c> headers.</summary>
    public string? Cookie(string name)
    {
        foreach (var header in GetValues("cookie"))
        {
            foreach (var pair in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && pair.AsSpan(0, eq).SequenceEqual(name))
                {
                    return pair[(eq + 1)..].Trim('"');
                }
            }
        }

        return null;
    }

    public RequestHeaders Clone() => new(this);

    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() =>
        _order.Select(n => new KeyValuePair<string, IReadOnlyList<string>>(n, _values[n])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
