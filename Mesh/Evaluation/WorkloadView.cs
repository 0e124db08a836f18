using AspireAuth.Mesh.Authentication;
using AspireAuth.Mesh.Authorization;
using AspireAuth.Mesh.Model;
using AspireAuth.Mesh.Routing;

namespace AspireAuth.Mesh.Evaluation;

/// <summary>Everything that applies to one workload, selected and compiled once per snapshot.</summary>
public sealed record WorkloadView(
    Workload Workload,
    IReadOnlyList<JwtProvider> JwtProviders,
    WorkloadAuthorization Authorization,
    RouteTable Routes,
    IReadOnlyList<RequestAuthenticationPolicy> RequestAuthentications);
