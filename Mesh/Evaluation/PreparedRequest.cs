using AspireAuth.Mesh.Authorization;

namespace AspireAuth.Mesh.Evaluation;

/// <summary>
/// A request after path normalisation and CUSTOM matching: the point where a host calls the ext_authz provider before
/// continuing with <see cref="MeshEvaluator.ContinueAsync"/>.
/// </summary>
public sealed record PreparedRequest(
    WorkloadView View,
    MeshRequest Request,
    string? NormalizedPath,
    CustomMatch? Custom,
    RequestHeaders UpstreamHeaders)
{
    /// <summary>The HCM rejected the path: 404 when it is not relative, 400 when normalisation fails.</summary>
    public bool Rejected => NormalizedPath is null;
}
