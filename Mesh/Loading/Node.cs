using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AspireAuth.Mesh.Loading;

/// <summary>A YAML node with its field path; readers report type errors and unknown fields to the document.</summary>
internal readonly struct Node(YamlNode? raw, string path, DocumentContext context)
{
    public YamlNode? Raw { get; } = IsNull(raw) ? null : raw;

    public string Path { get; } = path;

    public DocumentContext Context { get; } = context;

    public bool IsMissing => Raw is null;

    public bool IsMapping => Raw is YamlMappingNode;

    public Node Field(string name)
    {
        if (Raw is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(name), out var child))
        {
            return new Node(child, Join(name), Context);
        }

        return new Node(null, Join(name), Context);
    }

    public bool Has(string name) => !Field(name).IsMissing;

    /// <summary>Reports every key not in <paramref name="allowed"/> as an unknown field.</summary>
    public void AllowOnly(params string[] allowed)
    {
        if (Raw is null)
        {
            return;
        }

        if (Raw is not YamlMappingNode mapping)
        {
            Error(null, "must be a mapping");
            return;
        }

        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                Context.Error(Join(name), null, "unknown field");
            }
        }
    }

    public string? String()
    {
        switch (Raw)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return scalar.Value ?? string.Empty;
            default:
                Error(null, "must be a string");
                return null;
        }
    }

    public bool? Bool()
    {
        var text = String();
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(text, "must be true or false");
        return null;
    }

    public int? Int(int min = int.MinValue, int max = int.MaxValue)
    {
        var text = String();
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(text, min == int.MinValue ? "must be an integer" : $"must be an integer from {min} to {max}");
        return null;
    }

    /// <summary>A protobuf Duration such as <c>5s</c>, <c>1.5s</c> or <c>100ms</c>.</summary>
    public TimeSpan? Duration()
    {
        var text = String();
        if (text is null)
        {
            return null;
        }

        if (DurationParser.TryParse(text, out var value))
        {
            return value;
        }

        Error(text, "must be a duration such as 5s, 1.5s or 100ms");
        return null;
    }

    public IEnumerable<Node> Items()
    {
        if (Raw is null)
        {
            yield break;
        }

        if (Raw is not YamlSequenceNode sequence)
        {
            Error(null, "must be a list");
            yield break;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            yield return new Node(sequence.Children[i], $"{Path}[{i}]", Context);
        }
    }

    public int Count => Raw is YamlSequenceNode s ? s.Children.Count : 0;

    public IEnumerable<(string Key, Node Value)> Entries()
    {
        if (Raw is null)
        {
            yield break;
        }

        if (Raw is not YamlMappingNode mapping)
        {
            Error(null, "must be a mapping");
            yield break;
        }

        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            yield return (name, new Node(value, Join(name), Context));
        }
    }

    /// <summary>A list of strings; null when absent.</summary>
    public IReadOnlyList<string>? StringList() =>
        IsMissing ? null : Items().Select(i => i.String()).Where(s => s is not null).Select(s => s!).ToArray();

    /// <summary>A map of strings; empty when absent.</summary>
    public IReadOnlyDictionary<string, string> StringMap() =>
        Entries().Select(e => (e.Key, Value: e.Value.String())).Where(e => e.Value is not null)
            .ToDictionary(e => e.Key, e => e.Value!, StringComparer.Ordinal);

    public void Error(string? value, string message) => Context.Error(Path, value, message);

    private string Join(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    private static bool IsNull(YamlNode? node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar
        && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");
}
