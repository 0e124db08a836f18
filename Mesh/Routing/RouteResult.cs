using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Routing;

/// <summary>
/// Where a gateway sends a request: a route (with destinations and the rewritten path and authority), a direct response,
/// Envoy's 404 when nothing matches, or 503 when a route names a subset no DestinationRule defines.
/// </summary>
public sealed record RouteResult
{
    /// <summary>200 when forwarded; 404 no route; 503 missing subset; or the direct response status.</summary>
    public int Status { get; init; } = 200;

    public string Body { get; init; } = string.Empty;

    public bool Forwarded => Status == 200 && DirectResponse is false;

    public bool DirectResponse { get; init; }

    public VirtualServiceModel? VirtualService { get; init; }

    public int RouteIndex { get; init; } = -1;

    public IReadOnlyList<SelectedDestination> Destinations { get; init; } = [];

    /// <summary>The path (with query) the upstream receives.</summary>
    public string Path { get; init; } = "/";

    /// <summary>The authority the upstream receives, when rewritten.</summary>
    public string? Authority { get; init; }

    public string Reason { get; init; } = string.Empty;
}
