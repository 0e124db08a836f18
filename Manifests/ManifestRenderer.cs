using System.Text.Json;
using System.Text.Json.Nodes;
using AspireAuth.Mesh.Loading;
using AspireAuth.Mesh.Workloads;
using k8s.Models;
using static AspireAuth.Manifests.KubernetesObjects;

namespace AspireAuth.Manifests;

/// <summary>
/// Renders the bundle that <c>kubectl apply -k</c> installs on a cluster with Istio, from the same <c>config/</c> the local
/// environment enforces. The Aspire AppHost's publish step and <c>aspireauth manifests</c> both call <see cref="Render"/>.
/// </summary>
public static class ManifestRenderer
{
    public const string KeycloakImage = "quay.io/keycloak/keycloak:26.0";
    public const string OAuth2ProxyImage = "quay.io/oauth2-proxy/oauth2-proxy:v7.12.0";
    public const string RedisImage = "redis:7.4";
    public const string OAuth2ProxyNamespace = "oauth2-proxy";

    /// <summary>.NET services of this repository that run as themselves in the cluster (the rest are Istio, Keycloak, oauth2-proxy).</summary>
    private static readonly Dictionary<string, (string Image, int Port)> s_dotnetServices = new(StringComparer.Ordinal)
    {
        ["chatqna"] = ("chatqnastub", 8888),
    };

    public static ManifestBundle Render(ManifestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = options.ConfigRoot;
        var workloads = File.Exists(Path.Combine(root, "workloads.yaml")) ? WorkloadCatalog.Load(Path.Combine(root, "workloads.yaml")) : WorkloadCatalog.Empty;
        var realmFiles = Directory.Exists(Path.Combine(root, "realms")) ? Directory.EnumerateFiles(Path.Combine(root, "realms"), "*.json").Order(StringComparer.Ordinal).ToArray() : [];
        var realmName = realmFiles.Select(f => JsonNode.Parse(File.ReadAllText(f))?["realm"]?.GetValue<string>()).FirstOrDefault(r => r is not null);
        var values = ClusterValues.Create(options.ValuesFile, realmName);
        if (options.Strict && values.Missing.Count > 0)
        {
            throw new InvalidOperationException($"--strict: values still missing for the cluster: {string.Join(", ", values.Missing)} (give them in --values)");
        }

        var apps = workloads.Workloads.Where(w => ServiceOf(w) is not null).ToArray();
        var declaredNamespace = apps.Select(w => w.Namespace).FirstOrDefault() ?? "default";
        var appNamespace = options.Namespace ?? declaredNamespace;
        var files = new List<ManifestFile>();

        var namespaces = new List<object> { Namespace(appNamespace, injection: true), Namespace(OAuth2ProxyNamespace, injection: true) };
        files.Add(new("00-namespaces.yaml", ToYaml(namespaces)));
        files.Add(new("10-services.yaml", ToYaml(ApplicationObjects(apps, appNamespace, values))));
        if (realmFiles.Length > 0 && workloads.Find("keycloak") is { } keycloak)
        {
            files.Add(new("20-keycloak.yaml", ToYaml(KeycloakObjects(keycloak.Namespace, realmFiles, values))));
        }

        var cfg = Path.Combine(root, "oauth2-proxy", "oauth2-proxy.cfg");
        if (File.Exists(cfg))
        {
            files.Add(new("30-oauth2-proxy.yaml", ToYaml(OAuth2ProxyObjects(Envsubst.Apply(File.ReadAllText(cfg), values.Values), values))));
        }

        var istio = IstioDocuments.Render(Path.Combine(root, "istio"), values, declaredNamespace, options.Namespace);
        files.AddRange(istio);
        files.Add(new("40-peer-authentication.yaml", PeerAuthentication(appNamespace)));
        var overlay = MeshConfigOverlay.Render(istio);
        if (overlay is not null)
        {
            files.Add(new("istio-operator-overlay.yaml", overlay));
        }

        var resources = files.Select(f => f.Path).Where(p => p != "istio-operator-overlay.yaml").ToArray();
        files.Add(new("kustomization.yaml", Kustomization(resources)));
        files.Add(new("README.md", BundleReadme.Render(values, appNamespace, overlay is not null)));
        return new ManifestBundle(files, values.Missing);
    }

    private static (string Image, int Port)? ServiceOf(WorkloadDeclaration workload) =>
        s_dotnetServices.FirstOrDefault(s => workload.Name == s.Key || workload.Name.StartsWith(s.Key + "-", StringComparison.Ordinal)) is { Key: not null } match
            ? match.Value
            : null;

    private static IEnumerable<object> ApplicationObjects(IReadOnlyList<WorkloadDeclaration> apps, string ns, ClusterValues values)
    {
        var registry = values.Values.TryGetValue("IMAGE_REGISTRY", out var r) && r.Length > 0 ? r.TrimEnd('/') + "/" : string.Empty;
        foreach (var account in apps.Select(a => a.ServiceAccount).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            yield return ServiceAccount(account, ns);
        }

        foreach (var group in apps.GroupBy(a => a.Service).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            var selector = new Dictionary<string, string> { ["app"] = first.Labels.GetValueOrDefault("app", first.Service) };
            yield return Service(group.Key, ns, selector, first.Port, ServiceOf(first)!.Value.Port, "http");
        }

        foreach (var app in apps.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            var (image, port) = ServiceOf(app)!.Value;
            var labels = new SortedDictionary<string, string>(app.Labels.ToDictionary(l => l.Key, l => l.Value), StringComparer.Ordinal);
            labels.TryAdd("app", app.Service);
            labels.TryAdd("version", "v1");
            var container = new V1Container
            {
                Name = app.Service,
                Image = $"{registry}{image}:{values["IMAGE_TAG"]}",
                Ports = [new V1ContainerPort { Name = "http", ContainerPort = port }],
                Env =
                [
                    new V1EnvVar { Name = "ASPNETCORE_HTTP_PORTS", Value = port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    new V1EnvVar { Name = "VERSION", Value = labels["version"] },
                ],
                ReadinessProbe = HttpProbe("/health", port),
                LivenessProbe = HttpProbe("/alive", port),
                Resources = Requests("50m", "64Mi"),
            };
            yield return Deployment(app.Name, ns, labels, app.ServiceAccount, container);
        }
    }

    private static IEnumerable<object> KeycloakObjects(string ns, string[] realmFiles, ClusterValues values)
    {
        var labels = new Dictionary<string, string> { ["app"] = "keycloak" };
        yield return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = Meta("keycloak-secrets", ns, labels),
            Type = "Opaque",
            StringData = new Dictionary<string, string> { ["admin-password"] = values["KEYCLOAK_ADMIN_PASSWORD"], ["client-secret"] = values["CLIENT_SECRET"] },
        };
        yield return new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = Meta("keycloak-realm", ns, labels),
            Data = realmFiles.ToDictionary(f => Path.GetFileName(f), f => RealmForCluster(File.ReadAllText(f), values["CLIENT"])),
        };
        var container = new V1Container
        {
            Name = "keycloak",
            Image = KeycloakImage,
            Args = ["start-dev", "--import-realm"],
            Env =
            [
                new V1EnvVar { Name = "KC_BOOTSTRAP_ADMIN_USERNAME", Value = "admin" },
                FromSecret("KC_BOOTSTRAP_ADMIN_PASSWORD", "keycloak-secrets", "admin-password"),
                FromSecret("CLIENT_SECRET", "keycloak-secrets", "client-secret"),
                new V1EnvVar { Name = "KC_HEALTH_ENABLED", Value = "true" },
                new V1EnvVar { Name = "KC_PROXY_HEADERS", Value = "xforwarded" },
            ],
            Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }, new V1ContainerPort { Name = "management", ContainerPort = 9000 }],
            ReadinessProbe = HttpProbe("/health/ready", 9000),
            VolumeMounts = [new V1VolumeMount { Name = "realm", MountPath = "/opt/keycloak/data/import", ReadOnlyProperty = true }],
            Resources = Requests("500m", "1Gi"),
        };
        yield return Deployment("keycloak", ns, labels, null, container,
            [new V1Volume { Name = "realm", ConfigMap = new V1ConfigMapVolumeSource { Name = "keycloak-realm" } }]);
        yield return Service("keycloak", ns, labels, 8080, 8080, "http", type: "LoadBalancer", nodePort: 31504);
    }

    /// <summary>The realm export with the oauth2-proxy client's secret replaced by Keycloak's <c>${CLIENT_SECRET}</c> import placeholder.</summary>
    private static string RealmForCluster(string json, string client)
    {
        var realm = JsonNode.Parse(json)!.AsObject();
        foreach (var c in realm["clients"]?.AsArray() ?? [])
        {
            if (c?["secret"] is not null && c["clientId"]?.GetValue<string>() == client)
            {
                c["secret"] = "${CLIENT_SECRET}";
            }
        }

        return realm.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static IEnumerable<object> OAuth2ProxyObjects(string cfg, ClusterValues values)
    {
        var ns = OAuth2ProxyNamespace;
        var labels = new Dictionary<string, string> { ["app"] = "oauth2-proxy" };
        yield return new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = Meta("oauth2-proxy-config", ns, labels), Data = new Dictionary<string, string> { ["oauth2-proxy.cfg"] = cfg } };
        yield return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = Meta("oauth2-proxy-secrets", ns, labels),
            Type = "Opaque",
            StringData = new Dictionary<string, string> { ["client-secret"] = values["CLIENT_SECRET"], ["cookie-secret"] = values["COOKIE_SECRET"] },
        };
        var container = new V1Container
        {
            Name = "oauth2-proxy",
            Image = OAuth2ProxyImage,
            Args = ["--config=/etc/oauth2-proxy.cfg"],
            Env = [FromSecret("OAUTH2_PROXY_CLIENT_SECRET", "oauth2-proxy-secrets", "client-secret"), FromSecret("OAUTH2_PROXY_COOKIE_SECRET", "oauth2-proxy-secrets", "cookie-secret")],
            Ports = [new V1ContainerPort { Name = "http", ContainerPort = 4180 }],
            ReadinessProbe = HttpProbe("/ready", 4180),
            LivenessProbe = HttpProbe("/ping", 4180),
            VolumeMounts = [new V1VolumeMount { Name = "config", MountPath = "/etc/oauth2-proxy.cfg", SubPath = "oauth2-proxy.cfg", ReadOnlyProperty = true }],
            Resources = Requests("50m", "64Mi"),
        };
        yield return Deployment("oauth2-proxy", ns, labels, null, container,
            [new V1Volume { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = "oauth2-proxy-config" } }],
            extraPodLabels: new Dictionary<string, string> { ["sidecar.istio.io/inject"] = "true" });
        yield return Service("oauth-proxy", ns, labels, 4180, 4180, "http-oauthproxy");
        if (cfg.Contains("session_store_type=\"redis\"", StringComparison.Ordinal) || cfg.Contains("session_store_type = \"redis\"", StringComparison.Ordinal))
        {
            var redisLabels = new Dictionary<string, string> { ["app"] = "redis" };
            yield return Deployment("redis", ns, redisLabels, null, new V1Container
            {
                Name = "redis",
                Image = RedisImage,
                Command = ["redis-server", "--save", string.Empty, "--appendonly", "no"],
                Ports = [new V1ContainerPort { Name = "redis", ContainerPort = 6379 }],
                Resources = Requests("50m", "64Mi"),
            });
            yield return Service("redis-service", ns, redisLabels, 6379, 6379, "tcp-redis");
        }
    }

    /// <summary>STRICT mTLS for the application namespace, built as a document tree and emitted like the other Istio documents.</summary>
    private static string PeerAuthentication(string ns)
    {
        var document = new YamlDotNet.RepresentationModel.YamlMappingNode(
            new YamlDotNet.RepresentationModel.YamlScalarNode("apiVersion"), new YamlDotNet.RepresentationModel.YamlScalarNode("security.istio.io/v1"),
            new YamlDotNet.RepresentationModel.YamlScalarNode("kind"), new YamlDotNet.RepresentationModel.YamlScalarNode("PeerAuthentication"),
            new YamlDotNet.RepresentationModel.YamlScalarNode("metadata"), new YamlDotNet.RepresentationModel.YamlMappingNode(
                new YamlDotNet.RepresentationModel.YamlScalarNode("name"), new YamlDotNet.RepresentationModel.YamlScalarNode("default"),
                new YamlDotNet.RepresentationModel.YamlScalarNode("namespace"), new YamlDotNet.RepresentationModel.YamlScalarNode(ns)),
            new YamlDotNet.RepresentationModel.YamlScalarNode("spec"), new YamlDotNet.RepresentationModel.YamlMappingNode(
                new YamlDotNet.RepresentationModel.YamlScalarNode("mtls"), new YamlDotNet.RepresentationModel.YamlMappingNode(
                    new YamlDotNet.RepresentationModel.YamlScalarNode("mode"), new YamlDotNet.RepresentationModel.YamlScalarNode("STRICT"))));
        return YamlText.Emit([document]);
    }

    private static string Kustomization(IEnumerable<string> resources) =>
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n" + string.Concat(resources.Select(r => $"- {r}\n"));
}
