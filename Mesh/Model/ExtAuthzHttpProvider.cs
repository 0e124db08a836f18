namespace AspireAuth.Mesh.Model;

/// <summary>A mesh config <c>extensionProviders[].envoyExtAuthzHttp</c>.</summary>
public sealed record ExtAuthzHttpProvider
{
    public required string Name { get; init; }

    /// <summary><c>[namespace/]hostname</c> of the check service.</summary>
    public required string Service { get; init; }

    public required int Port { get; init; }

    public string PathPrefix { get; init; } = string.Empty;

    /// <summary>Envoy's default is 600 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(600);

    public bool FailOpen { get; init; }

    public int StatusOnError { get; init; } = 403;

    public IReadOnlyList<string> IncludeRequestHeadersInCheck { get; init; } = [];

    public IReadOnlyDictionary<string, string> IncludeAdditionalHeadersInCheck { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> HeadersToUpstreamOnAllow { get; init; } = [];

    public IReadOnlyList<string> HeadersToDownstreamOnAllow { get; init; } = [];

    /// <summary>Null means "all headers of the check response" (Envoy's default on deny).</summary>
    public IReadOnlyList<string>? HeadersToDownstreamOnDeny { get; init; }
}
