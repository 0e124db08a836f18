namespace AspireAuth.Mesh.Check;

/// <summary>The arguments of <c>aspireauth check</c>.</summary>
public sealed record CheckOptions
{
    public required IReadOnlyList<string> ConfigPaths { get; init; }

    /// <summary><c>namespace:key=value[,key=value...]</c>.</summary>
    public required string Workload { get; init; }

    /// <summary>A file path, or <c>-</c> for standard input.</summary>
    public required string Request { get; init; }

    /// <summary>Unix seconds for exp/nbf checks; the real clock when null.</summary>
    public long? Now { get; init; }

    public string? RootNamespace { get; init; }

    /// <summary><c>jwksUri</c> values answered from local files (<see cref="Authentication.JwksFileMap"/>).</summary>
    public IReadOnlyDictionary<string, string>? JwksFiles { get; init; }

    /// <summary><c>${VAR}</c> values substituted into the configuration.</summary>
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}
