namespace AspireAuth.Mesh.Model;

/// <summary>A networking Gateway: the proxies it selects and the hosts of its servers.</summary>
public sealed record GatewayModel(ResourceId Id, WorkloadSelector Selector, IReadOnlyList<GatewayServer> Servers);
