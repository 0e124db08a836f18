namespace AspireAuth.Mesh.Model;

/// <summary>A VirtualService: hosts, the gateways it is bound to, and its ordered HTTP routes.</summary>
public sealed record VirtualServiceModel(
    ResourceId Id,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<string> Gateways,
    IReadOnlyList<HttpRouteModel> Http);
