namespace AspireAuth.Mesh.Model;

/// <summary>The workload whose proxy evaluates requests: its namespace and pod labels.</summary>
public sealed record Workload(string Namespace, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>Parses <c>namespace:key=value[,key=value...]</c>.</summary>
    public static Workload Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var ns = colon < 0 ? text : text[..colon];
        if (ns.Length == 0)
        {
            throw new FormatException($"workload '{text}' has no namespace; expected <namespace>:<key>=<value>[,<key>=<value>...]");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (colon >= 0)
        {
            foreach (var pair in text[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new FormatException($"workload label '{pair}' is not <key>=<value>");
                }

                labels[pair[..eq]] = pair[(eq + 1)..];
            }
        }

        return new Workload(ns, labels);
    }

    public override string ToString() => $"{Namespace}:{string.Join(',', Labels.Select(l => $"{l.Key}={l.Value}"))}";
}
