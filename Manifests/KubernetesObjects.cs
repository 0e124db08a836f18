using k8s;
using k8s.Models;

namespace AspireAuth.Manifests;

/// <summary>Small builders for the KubernetesClient models the bundle uses.</summary>
internal static class KubernetesObjects
{
    public static V1ObjectMeta Meta(string name, string ns, IDictionary<string, string>? labels = null) => new()
    {
        Name = name,
        NamespaceProperty = ns,
        Labels = labels is null ? null : new Dictionary<string, string>(labels),
    };

    public static V1Namespace Namespace(string name, bool injection) => new()
    {
        ApiVersion = "v1",
        Kind = "Namespace",
        Metadata = new V1ObjectMeta { Name = name, Labels = injection ? new Dictionary<string, string> { ["istio-injection"] = "enabled" } : null },
    };

    public static V1ServiceAccount ServiceAccount(string name, string ns) => new() { ApiVersion = "v1", Kind = "ServiceAccount", Metadata = Meta(name, ns) };

    public static V1Service Service(string name, string ns, IDictionary<string, string> selector, int port, int targetPort, string portName, string? type = null, int? nodePort = null) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = Meta(name, ns, new Dictionary<string, string> { ["app"] = selector.TryGetValue("app", out var app) ? app : name }),
        Spec = new V1ServiceSpec
        {
            Type = type,
            Selector = new Dictionary<string, string>(selector),
            Ports = [new V1ServicePort { Name = portName, Port = port, TargetPort = targetPort, NodePort = nodePort, Protocol = "TCP" }],
        },
    };

    public static V1Deployment Deployment(string name, string ns, IDictionary<string, string> labels, string? serviceAccount, V1Container container,
        IList<V1Volume>? volumes = null, IDictionary<string, string>? podAnnotations = null, IDictionary<string, string>? extraPodLabels = null)
    {
        var podLabels = new Dictionary<string, string>(labels);
        foreach (var (k, v) in extraPodLabels ?? new Dictionary<string, string>())
        {
            podLabels[k] = v;
        }

        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = Meta(name, ns, labels),
            Spec = new V1DeploymentSpec
            {
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string>(labels) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = podLabels, Annotations = podAnnotations is null ? null : new Dictionary<string, string>(podAnnotations) },
                    Spec = new V1PodSpec { ServiceAccountName = serviceAccount, Containers = [container], Volumes = volumes },
                },
            },
        };
    }

    public static V1Probe HttpProbe(string path, int port) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = port },
        InitialDelaySeconds = 5,
        PeriodSeconds = 10,
    };

    public static V1ResourceRequirements Requests(string cpu, string memory) => new()
    {
        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpu), ["memory"] = new(memory) },
    };

    public static V1EnvVar FromSecret(string name, string secret, string key) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key } },
    };

    /// <summary>The objects as one multi-document YAML, in the order given.</summary>
    public static string ToYaml(IEnumerable<object> objects) =>
        string.Join("---\n", objects.Select(o => KubernetesYaml.Serialize(o).TrimEnd('\n') + "\n"));
}
