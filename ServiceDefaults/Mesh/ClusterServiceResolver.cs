using Microsoft.Extensions.ServiceDiscovery;

namespace AspireAuth.ServiceDefaults.Mesh;

/// <summary>
/// Finds the local process behind a cluster host such as <c>chatqna.chatqa.svc.cluster.local</c>: the workload
/// declarations say which service-discovery names back that Service (and which labels each has, for subsets);
/// Microsoft.Extensions.ServiceDiscovery turns a name into an address (<c>services__chatqna__http__0</c>).
/// </summary>
public sealed class ClusterServiceResolver(MeshConfigurationStore store, ServiceEndpointResolver endpoints)
{
    /// <summary>A base address for the host, or null when nothing serves it (the proxy answers 503).</summary>
    public async Task<Uri?> ResolveAsync(string host, string defaultNamespace, IReadOnlyDictionary<string, string>? subsetLabels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var candidates = store.Catalog.ForHost(host, defaultNamespace, subsetLabels);
        var names = candidates.Count > 0
            ? candidates.Select(c => c.Name).ToArray()
            : subsetLabels is null ? [host.Split(':')[0].Split('.')[0]] : [];
        if (names.Length == 0)
        {
            return null;
        }

        var name = names.Length == 1 ? names[0] : names[Random.Shared.Next(names.Length)];
        try
        {
            var source = await endpoints.GetEndpointsAsync($"http://{name}", cancellationToken);
            var endpoint = source.Endpoints.Count == 0 ? null : source.Endpoints[Random.Shared.Next(source.Endpoints.Count)].EndPoint;
            return endpoint switch
            {
                System.Net.DnsEndPoint dns => new Uri($"http://{dns.Host}:{dns.Port}"),
                System.Net.IPEndPoint ip => new Uri($"http://{ip}"),
                UriEndPoint uri => uri.Uri,
                _ => null,
            };
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
