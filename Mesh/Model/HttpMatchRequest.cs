namespace AspireAuth.Mesh.Model;

/// <summary>A VirtualService HTTPMatchRequest (fields AND-ed).</summary>
public sealed record HttpMatchRequest
{
    public string? Name { get; init; }

    public StringMatchSpec? Uri { get; init; }

    public StringMatchSpec? Scheme { get; init; }

    public StringMatchSpec? Method { get; init; }

    public StringMatchSpec? Authority { get; init; }

    public IReadOnlyDictionary<string, StringMatchSpec> Headers { get; init; } = new Dictionary<string, StringMatchSpec>();

    public IReadOnlyDictionary<string, StringMatchSpec> WithoutHeaders { get; init; } = new Dictionary<string, StringMatchSpec>();

    public IReadOnlyDictionary<string, StringMatchSpec> QueryParams { get; init; } = new Dictionary<string, StringMatchSpec>();

    public int? Port { get; init; }

    public bool IgnoreUriCase { get; init; }

    public IReadOnlyDictionary<string, string> SourceLabels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string>? Gateways { get; init; }
}
