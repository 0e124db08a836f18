using AspireAuth.KeycloakEmulator.Tokens;
using Microsoft.Extensions.Options;

namespace AspireAuth.KeycloakEmulator.Realms;

/// <summary>The imported realms and their keys, loaded once at start (an invalid export stops startup).</summary>
public sealed class RealmStore
{
    private readonly Dictionary<string, (RealmModel Realm, RealmKey Key)> _realms;
    private readonly string? _hostname;

    public RealmStore(IOptions<KeycloakOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _hostname = string.IsNullOrWhiteSpace(value.Hostname) ? null : value.Hostname.TrimEnd('/');
        _realms = RealmImporter.Load(value.RealmsPath)
            .ToDictionary(r => r.Name, r => (r, RealmKey.Create(r.Name, value.KeysPath)), StringComparer.Ordinal);
    }

    public IEnumerable<RealmModel> Realms => _realms.Values.Select(r => r.Realm);

    /// <summary>The realm for a request; the issuer base is the fixed hostname or the request's own scheme and host.</summary>
    public RealmContext? Resolve(string realm, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_realms.TryGetValue(realm, out var entry) || !entry.Realm.Enabled)
        {
            return null;
        }

        var baseUrl = _hostname ?? $"{request.Scheme}://{request.Host.Value}";
        return new RealmContext(entry.Realm, entry.Key, baseUrl);
    }
}
