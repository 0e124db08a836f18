using AspireAuth.Mesh.Authentication;
using AspireAuth.Mesh.Authorization;
using AspireAuth.Mesh.Routing;

namespace AspireAuth.Mesh.Evaluation;

/// <summary>
/// The decision on one request, as a value: what the client gets (status, body, headers), what the upstream gets
/// (path, headers, destinations) when forwarded, and why, stage by stage.
/// </summary>
public sealed record MeshEvaluation
{
    public required DecisionStage Stage { get; init; }

    /// <summary>The status the client receives from the proxy; 200 when forwarded (the upstream answers).</summary>
    public required int Status { get; init; }

    /// <summary>The proxy's own body; empty when forwarded.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>Headers the proxy adds to its own reply (e.g. <c>www-authenticate</c>).</summary>
    public IReadOnlyDictionary<string, string> ResponseHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>The CUSTOM match, when one occurred.</summary>
    public CustomMatch? Custom { get; init; }

    public AuthenticationResult? Authentication { get; init; }

    public AuthorizationDecision? Authorization { get; init; }

    public RouteResult? Route { get; init; }

    /// <summary>True when the workload is a gateway (routing applies); false for a sidecar.</summary>
    public bool IsGateway { get; init; }

    /// <summary>The path upstream receives (after normalisation, token removal and rewrite).</summary>
    public string UpstreamPath { get; init; } = "/";

    /// <summary>The request headers upstream receives.</summary>
    public RequestHeaders UpstreamHeaders { get; init; } = new();

    public bool Forwarded => Stage == DecisionStage.Forwarded;

    /// <summary>Human-readable lines: which stage and policy decided, and why others did not match.</summary>
    public IReadOnlyList<string> Explanation { get; init; } = [];

    /// <summary>The first explanation line, for an <c>x-mesh-explain</c> header.</summary>
    public string Summary => Explanation.Count > 0 ? Explanation[0] : string.Empty;
}
