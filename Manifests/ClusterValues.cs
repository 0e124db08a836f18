using YamlDotNet.RepresentationModel;

namespace AspireAuth.Manifests;

/// <summary>
/// The values that differ between laptop and cluster (the OPEA guide's envsubst variables). Defaults exist only for
/// values that are not secrets and have one sensible cluster value; everything else stays a <c>${VAR}</c> placeholder
/// for the user to fill (the guide's envsubst step), and <c>--strict</c> refuses to render while any remain.
/// </summary>
public sealed class ClusterValues
{
    /// <summary>Every variable the bundle uses, with what it means (for the bundle's README).</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["KEYCLOAK_ADDR"] = "host:port where browsers, curl and the mesh all reach Keycloak (OPEA: <node-ip>:31504); it is in every token's iss",
        ["REALM"] = "the Keycloak realm (default: the realm in config/realms)",
        ["CLIENT"] = "the Keycloak client oauth2-proxy uses (default chatqna)",
        ["INGRESS_PORT"] = "the port clients use for the ingress gateway (OPEA: the istio-ingressgateway NodePort)",
        ["UI_HOST"] = "host:port browsers use for the UI behind oauth2-proxy (the CUSTOM policy's hosts), e.g. chatqna.example.com:30080",
        ["URL"] = "the public base URL of the UI behind oauth2-proxy, e.g. http://chatqna.example.com:${INGRESS_PORT}",
        ["REDIS_ADDR"] = "host:port of the session Redis (default: the redis-service this bundle deploys)",
        ["CLIENT_SECRET"] = "secret of the Keycloak client (Secret oauth2-proxy-secrets; never taken from the local realm)",
        ["COOKIE_SECRET"] = "oauth2-proxy cookie secret: 32 random bytes, base64 with - and _ (Secret oauth2-proxy-secrets)",
        ["KEYCLOAK_ADMIN_PASSWORD"] = "bootstrap admin password of the development Keycloak (Secret keycloak-admin)",
        ["IMAGE_REGISTRY"] = "registry prefix of the .NET service images (default none: images as dotnet publish /t:PublishContainer tags them)",
        ["IMAGE_TAG"] = "tag of the .NET service images (default 1.0.0, the project version PublishContainer uses)",
    };

    private static readonly IReadOnlyDictionary<string, string> s_defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CLIENT"] = "chatqna",
        ["REDIS_ADDR"] = "redis-service.oauth2-proxy.svc.cluster.local:6379",
        ["IMAGE_REGISTRY"] = string.Empty,
        ["IMAGE_TAG"] = "1.0.0",
    };

    private readonly Dictionary<string, string> _values;

    private ClusterValues(Dictionary<string, string> values) => _values = values;

    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>The variables without a value: they stay <c>${VAR}</c> in the bundle.</summary>
    public IReadOnlyList<string> Missing => Descriptions.Keys.Where(k => !_values.ContainsKey(k)).Order(StringComparer.Ordinal).ToArray();

    public string this[string name] => _values.TryGetValue(name, out var value) ? value : "${" + name + "}";

    /// <summary>Defaults, then the realm's name, then the values file (a YAML map of NAME: value).</summary>
    public static ClusterValues Create(string? valuesFile, string? realm)
    {
        var values = new Dictionary<string, string>(s_defaults, StringComparer.Ordinal);
        if (realm is not null)
        {
            values["REALM"] = realm;
        }

        if (valuesFile is not null)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(valuesFile)));
            if (stream.Documents.FirstOrDefault()?.RootNode is YamlMappingNode map)
            {
                foreach (var (key, value) in map.Children)
                {
                    values[key.ToString()] = value is YamlScalarNode scalar ? scalar.Value ?? string.Empty
                        : throw new FormatException($"{valuesFile}: {key}: must be a string value");
                }
            }
        }

        return new ClusterValues(values);
    }
}
