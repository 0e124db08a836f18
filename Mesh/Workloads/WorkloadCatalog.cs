using AspireAuth.Mesh.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AspireAuth.Mesh.Workloads;

/// <summary>
/// The workloads of the environment, from <c>config/workloads.yaml</c>:
/// <code>
/// workloads:
/// - name: chatqna          # service-discovery name
///   service: chatqna       # Kubernetes Service
///   namespace: chatqa
///   serviceAccount: chatqna
///   port: 8888
///   labels: {app: chatqna, version: v1}
/// </code>
/// </summary>
public sealed class WorkloadCatalog
{
    private WorkloadCatalog(IReadOnlyList<WorkloadDeclaration> workloads) => Workloads = workloads;

    public IReadOnlyList<WorkloadDeclaration> Workloads { get; }

    public static WorkloadCatalog Empty { get; } = new([]);

    public WorkloadDeclaration? Find(string name) =>
        Workloads.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The workloads behind a cluster host (<c>svc</c>, <c>svc.ns</c>, <c>svc.ns.svc.cluster.local</c>; a short name is
    /// taken in <paramref name="defaultNamespace"/>) whose labels include <paramref name="subsetLabels"/>.
    /// </summary>
    public IReadOnlyList<WorkloadDeclaration> ForHost(string host, string defaultNamespace, IReadOnlyDictionary<string, string>? subsetLabels)
    {
        ArgumentNullException.ThrowIfNull(host);
        var parts = host.Split(':')[0].Split('.');
        var service = parts[0];
        var ns = parts.Length > 1 ? parts[1] : defaultNamespace;
        return Workloads.Where(w =>
                string.Equals(w.Service, service, StringComparison.OrdinalIgnoreCase)
                && string.Equals(w.Namespace, ns, StringComparison.OrdinalIgnoreCase)
                && (subsetLabels is null || subsetLabels.All(l => w.Labels.TryGetValue(l.Key, out var v) && v == l.Value)))
            .ToArray();
    }

    public static WorkloadCatalog Load(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Parse(file, File.ReadAllText(file));
    }

    public static WorkloadCatalog Parse(string file, string yaml)
    {
        var errors = new List<ConfigError>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new ConfigValidationException([new ConfigError(file, "workloads", string.Empty, null, $"invalid YAML: {ex.Message}")]);
        }

        var context = new DocumentContext(file, errors) { Document = "workloads" };
        var root = new Node(stream.Documents.FirstOrDefault()?.RootNode, string.Empty, context);
        root.AllowOnly("workloads");
        var workloads = new List<WorkloadDeclaration>();
        foreach (var item in root.Field("workloads").Items())
        {
            item.AllowOnly("name", "service", "namespace", "serviceAccount", "labels", "port");
            var name = item.Field("name").String();
            if (string.IsNullOrEmpty(name))
            {
                item.Field("name").Error(name, "is required");
                continue;
            }

            var ns = item.Field("namespace").String() ?? "default";
            workloads.Add(new WorkloadDeclaration(
                name,
                item.Field("service").String() ?? name,
                ns,
                item.Field("serviceAccount").String() ?? name,
                item.Field("labels").StringMap(),
                item.Field("port").Int(1, 65535) ?? 80));
        }

        foreach (var duplicate in workloads.GroupBy(w => w.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new ConfigError(file, "workloads", "workloads.name", duplicate.Key, "duplicate workload name"));
        }

        return errors.Count > 0 ? throw new ConfigValidationException(errors) : new WorkloadCatalog(workloads);
    }
}
