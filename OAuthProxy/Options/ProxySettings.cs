using Tomlyn;
using Tomlyn.Model;

namespace AspireAuth.OAuthProxy.Options;

/// <summary>
/// oauth2-proxy's settings from its three sources, with its precedence: command-line flags (<c>--cookie-secret</c>),
/// then <c>OAUTH2_PROXY_*</c> environment variables, then the config file (<c>--config</c>, TOML <c>key = value</c>).
/// Names are normalised to the flag form (<c>allowed_groups</c> in the file is the flag <c>allowed-group</c>).
/// <c>${VAR}</c> placeholders in the file are substituted as the OPEA guide's envsubst does.
/// </summary>
public sealed class ProxySettings
{
    private static readonly Dictionary<string, string> s_plurals = new(StringComparer.Ordinal)
    {
        ["allowed-groups"] = "allowed-group",
        ["allowed-roles"] = "allowed-role",
        ["email-domains"] = "email-domain",
        ["whitelist-domains"] = "whitelist-domain",
        ["upstreams"] = "upstream",
        ["extra-jwt-issuers"] = "extra-jwt-issuer",
        ["cookie-domains"] = "cookie-domain",
        ["skip-auth-routes"] = "skip-auth-route",
        ["api-routes"] = "api-route",
        ["oidc-extra-audiences"] = "oidc-extra-audience",
        ["trusted-ips"] = "trusted-ip",
    };

    private readonly Dictionary<string, IReadOnlyList<string>> _values;

    private ProxySettings(Dictionary<string, IReadOnlyList<string>> values, string? configFile)
    {
        _values = values;
        ConfigFile = configFile;
    }

    public string? ConfigFile { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values => _values;

    public static string Normalize(string name)
    {
        var flag = name.Trim().TrimStart('-').Replace('_', '-').ToLowerInvariant();
        return s_plurals.TryGetValue(flag, out var singular) ? singular : flag;
    }

    /// <summary>Merges the sources. <paramref name="variables"/> fill the file's placeholders.</summary>
    public static ProxySettings Load(IReadOnlyDictionary<string, string> flags, IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(environment);
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var configFile = flags.TryGetValue("config", out var c) ? c : environment.TryGetValue("OAUTH2_PROXY_CONFIG", out var e) ? e : null;
        if (configFile is not null)
        {
            foreach (var (key, value) in ReadFile(configFile, variables))
            {
                values[Normalize(key)] = value;
            }
        }

        foreach (var (key, value) in environment.Where(kv => kv.Key.StartsWith("OAUTH2_PROXY_", StringComparison.Ordinal)))
        {
            values[Normalize(key["OAUTH2_PROXY_".Length..])] = Split(value);
        }

        foreach (var (key, value) in flags.Where(kv => kv.Key != "config"))
        {
            values[Normalize(key)] = Split(value);
        }

        return new ProxySettings(values, configFile);
    }

    public string? Get(string flag) => _values.TryGetValue(flag, out var v) && v.Count > 0 ? v[0] : null;

    public IReadOnlyList<string> List(string flag) => _values.TryGetValue(flag, out var v) ? v : [];

    public bool Bool(string flag, bool fallback) => Get(flag) is { } v ? bool.TryParse(v, out var b) ? b : throw new FormatException($"{flag}: '{v}' is not a boolean") : fallback;

    private static IReadOnlyList<string> Split(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<(string Key, IReadOnlyList<string> Value)> ReadFile(string file, IReadOnlyDictionary<string, string> variables)
    {
        var text = AspireAuth.Mesh.Loading.Envsubst.Apply(File.ReadAllText(file), variables);
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(text)!;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new FormatException($"{file}: invalid config file: {ex.Message}");
        }

        foreach (var (key, value) in table)
        {
            yield return (key, value switch
            {
                TomlArray array => array.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToArray(),
                bool b => [b ? "true" : "false"],
                _ => [Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty],
            });
        }
    }
}
