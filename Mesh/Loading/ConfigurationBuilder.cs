using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Loading;

/// <summary>Collects the parsed documents; reports a second document with the same kind, namespace and name.</summary>
internal sealed class ConfigurationBuilder
{
    private readonly List<RequestAuthenticationPolicy> _requestAuthentications = [];
    private readonly List<AuthorizationPolicyModel> _authorizationPolicies = [];
    private readonly List<PeerAuthenticationModel> _peerAuthentications = [];
    private readonly List<GatewayModel> _gateways = [];
    private readonly List<VirtualServiceModel> _virtualServices = [];
    private readonly List<DestinationRuleModel> _destinationRules = [];
    private readonly List<ResourceId> _ids = [];
    private MeshConfigModel? _meshConfig;
    private int _meshConfigCount;

    public void Add(RequestAuthenticationPolicy? policy) => Add(policy, _requestAuthentications, p => p.Id);

    public void Add(AuthorizationPolicyModel? policy) => Add(policy, _authorizationPolicies, p => p.Id);

    public void Add(PeerAuthenticationModel? policy) => Add(policy, _peerAuthentications, p => p.Id);

    public void Add(GatewayModel? gateway) => Add(gateway, _gateways, g => g.Id);

    public void Add(VirtualServiceModel? service) => Add(service, _virtualServices, v => v.Id);

    public void Add(DestinationRuleModel? rule) => Add(rule, _destinationRules, r => r.Id);

    public void SetMeshConfig(MeshConfigModel? config)
    {
        _meshConfigCount++;
        _meshConfig = config ?? _meshConfig;
    }

    public void CheckReferences(List<ConfigError> errors)
    {
        foreach (var duplicate in _ids.GroupBy(id => (id.Kind, id.Namespace, id.Name)).Where(g => g.Count() > 1))
        {
            var first = duplicate.First();
            foreach (var again in duplicate.Skip(1))
            {
                errors.Add(new ConfigError(again.File, again.Document, "metadata.name", again.Name,
                    $"a {again.Kind} with this namespace and name is already defined in {first.File}"));
            }
        }

        if (_meshConfigCount > 1)
        {
            errors.Add(new ConfigError("-", "MeshConfig", string.Empty, null, $"{_meshConfigCount} mesh configs were given; give one"));
        }
    }

    public MeshConfiguration Build() => new(
        _requestAuthentications,
        _authorizationPolicies,
        _peerAuthentications,
        _gateways,
        _virtualServices,
        _destinationRules,
        _meshConfig ?? MeshConfigModel.Default);

    private void Add<T>(T? item, List<T> list, Func<T, ResourceId> id)
        where T : class
    {
        if (item is null)
        {
            return;
        }

        list.Add(item);
        _ids.Add(id(item));
    }
}
