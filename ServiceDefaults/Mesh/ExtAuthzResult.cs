namespace AspireAuth.ServiceDefaults.Mesh;

/// <summary>What an ext_authz HTTP check decided, with Envoy's semantics.</summary>
public sealed record ExtAuthzResult
{
    public required bool Allowed { get; init; }

    /// <summary>The status for the client when denied.</summary>
    public int Status { get; init; } = 200;

    public string Body { get; init; } = string.Empty;

    /// <summary>Headers for the client (deny: per headersToDownstreamOnDeny; allow: headersToDownstreamOnAllow).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> DownstreamHeaders { get; init; } = [];

    /// <summary>Headers set on the upstream request on allow (headersToUpstreamOnAllow).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> UpstreamHeaders { get; init; } = [];

    /// <summary>Why, for explanations.</summary>
    public string Reason { get; init; } = string.Empty;
}
