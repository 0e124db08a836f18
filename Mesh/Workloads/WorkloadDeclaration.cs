namespace AspireAuth.Mesh.Workloads;

/// <summary>
/// One workload of the environment, declared once for DevHost, AppHost, the sidecars and the cluster manifests.
/// </summary>
/// <param name="Name">Service-discovery name (the Aspire resource name), e.g. <c>chatqna</c> or <c>chatqna-v2</c>.</param>
/// <param name="Service">The Kubernetes Service it backs (host <c>&lt;service&gt;.&lt;namespace&gt;.svc.cluster.local</c>).</param>
/// <param name="Namespace">Its namespace.</param>
/// <param name="ServiceAccount">Its service account.</param>
/// <param name="Labels">Its pod labels (what policy selectors and DestinationRule subsets match).</param>
/// <param name="Port">The port its Service exposes.</param>
public sealed record WorkloadDeclaration(
    string Name,
    string Service,
    string Namespace,
    string ServiceAccount,
    IReadOnlyDictionary<string, string> Labels,
    int Port)
{
    /// <summary>The mesh view of this workload (namespace and labels).</summary>
    public Model.Workload ToWorkload() => new(Namespace, Labels);

    /// <summary>The cluster host name of its Service.</summary>
    public string Host => $"{Service}.{Namespace}.svc.cluster.local";
}
