namespace AspireAuth.Mesh.Model;

/// <summary>Every document loaded from a configuration, validated.</summary>
public sealed record MeshConfiguration(
    IReadOnlyList<RequestAuthenticationPolicy> RequestAuthentications,
    IReadOnlyList<AuthorizationPolicyModel> AuthorizationPolicies,
    IReadOnlyList<PeerAuthenticationModel> PeerAuthentications,
    IReadOnlyList<GatewayModel> Gateways,
    IReadOnlyList<VirtualServiceModel> VirtualServices,
    IReadOnlyList<DestinationRuleModel> DestinationRules,
    MeshConfigModel MeshConfig);
