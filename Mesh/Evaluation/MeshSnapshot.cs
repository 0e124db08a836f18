using System.Collections.Concurrent;
using AspireAuth.Mesh.Authentication;
using AspireAuth.Mesh.Authorization;
using AspireAuth.Mesh.Model;
using AspireAuth.Mesh.Routing;

namespace AspireAuth.Mesh.Evaluation;

/// <summary>
/// A validated configuration compiled once: policies compiled into matchers and indexed per workload on first use, so
/// evaluating a request touches only the policies that apply to its workload. Immutable; swap a whole snapshot on reload.
/// </summary>
public sealed class MeshSnapshot
{
    private readonly CompiledPolicy[] _policies;
    private readonly ConcurrentDictionary<string, WorkloadView> _views = new(StringComparer.Ordinal);

    public MeshSnapshot(MeshConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Configuration = configuration;
        _policies = configuration.AuthorizationPolicies.Where(p => !p.HasTargetRefs).Select(p => new CompiledPolicy(p)).ToArray();
    }

    public MeshConfiguration Configuration { get; }

    public MeshConfigModel MeshConfig => Configuration.MeshConfig;

    /// <summary>The policies, providers and routes of <paramref name="workload"/> (cached).</summary>
    public WorkloadView For(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return _views.GetOrAdd(workload.ToString(), _ => Build(workload));
    }

    private WorkloadView Build(Workload workload)
    {
        var root = MeshConfig.RootNamespace;
        bool Applies(string ns, WorkloadSelector selector) =>
            (ns == workload.Namespace || ns == root) && selector.Matches(workload.Labels);

        var requestAuthentications = Configuration.RequestAuthentications
            .Where(ra => !ra.HasTargetRefs && Applies(ra.Id.Namespace, ra.Selector))
            .ToArray();
        var index = 0;
        var providers = requestAuthentications
            .SelectMany(ra => ra.JwtRules.Select(rule => (ra, rule)))
            .OrderBy(p => p.rule.Issuer, StringComparer.Ordinal)
            .Select(p => new JwtProvider(index++, p.rule, p.ra))
            .ToArray();
        var policies = _policies.Where(p => Applies(p.Model.Id.Namespace, p.Model.Selector)).ToArray();
        var gateways = Configuration.Gateways.Where(g => g.Selector.MatchLabels.Count > 0 && g.Selector.Matches(workload.Labels)).ToArray();
        return new WorkloadView(
            workload,
            providers,
            new WorkloadAuthorization(policies, MeshConfig),
            new RouteTable(gateways, Configuration.VirtualServices, Configuration.DestinationRules),
            requestAuthentications);
    }
}
