using System.Collections.Concurrent;
using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Authentication;

/// <summary>
/// Fetches <c>jwksUri</c> over HTTP(S) with the rule's timeout and caches it; a rule with only an <c>issuer</c> first
/// reads <c>jwks_uri</c> from <c>&lt;issuer without one trailing /&gt;/.well-known/openid-configuration</c>, as istiod's
/// <c>JwksResolver.resolveJwksURIUsingOpenID</c> does. A kid the cached set lacks triggers a refetch at most every
/// <see cref="RefetchInterval"/>; when the IdP is down the last good set keeps serving; keys that never arrived (failed
/// fetch or discovery, or a body that is not a JWKS) yield an unavailable set that says why (Istio fails closed).
/// <see cref="LocalFiles"/> serves chosen URIs from files instead of the network, for machines that cannot reach them.
/// </summary>
public sealed class HttpJwksProvider(HttpClient client, TimeProvider? timeProvider = null) : IJwksProvider
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private long _version;

    /// <summary>How long a fetched set is used before it is refreshed (Envoy's remote JWKS default: 300 s).</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>JWKS URIs answered from a local file (the file's current content) instead of an HTTP request.</summary>
    public IReadOnlyDictionary<string, string> LocalFiles { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Minimum time between refetches triggered by an unknown kid.</summary>
    public TimeSpan RefetchInterval { get; init; } = TimeSpan.FromSeconds(10);

    public async ValueTask<JwksKeys> GetKeysAsync(JwtRule rule, string? unknownKid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.JwksUri is null && rule.Issuer.Length == 0)
        {
            throw new ArgumentException("The rule has neither jwksUri nor issuer.", nameof(rule));
        }

        var key = rule.JwksUri ?? "issuer " + rule.Issuer;
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        var now = _time.GetUtcNow();
        var stale = entry.Keys is null || now - entry.FetchedAt > CacheDuration;
        var kidMissing = unknownKid is not null && now - entry.AttemptedAt > RefetchInterval;
        if (stale || kidMissing)
        {
            await entry.Gate.WaitAsync(cancellationToken);
            try
            {
                if (entry.Keys is null || _time.GetUtcNow() - entry.FetchedAt > CacheDuration || kidMissing)
                {
                    await FetchAsync(rule, entry, cancellationToken);
                }
            }
            finally
            {
                entry.Gate.Release();
            }
        }

        return entry.Keys ?? JwksKeys.Failed(entry.Problem ?? $"{key}: not fetched");
    }

    private async Task FetchAsync(JwtRule rule, Entry entry, CancellationToken cancellationToken)
    {
        entry.AttemptedAt = _time.GetUtcNow();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(rule.Timeout);
        var source = rule.JwksUri ?? $"{rule.Issuer} (OpenID discovery)";
        try
        {
            var uri = rule.JwksUri ?? await DiscoverJwksUriAsync(rule.Issuer, timeoutSource.Token);
            if (uri is null)
            {
                entry.Problem = $"{source}: the discovery document has no jwks_uri";
                return;
            }

            source = uri;
            var json = LocalFiles.TryGetValue(uri, out var file)
                ? await File.ReadAllTextAsync(file, timeoutSource.Token)
                : await GetStringAsync(uri, timeoutSource.Token);
            if (!IsJwks(json))
            {
                entry.Problem = $"{source}: not a JWKS (no keys array)";
                return;
            }

            if (entry.Json != json)
            {
                entry.Keys = JwksKeys.Parse(json, Interlocked.Increment(ref _version));
                entry.Json = json;
            }

            entry.FetchedAt = _time.GetUtcNow();
            entry.Problem = null;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ArgumentException or UriFormatException or System.Text.Json.JsonException or IOException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            // Keep serving the last good set while the IdP is down; remember why, for the explanation.
            entry.Problem = ex is OperationCanceledException ? $"{source}: no answer within {rule.Timeout.TotalSeconds:0.###} s" : $"{source}: {ex.Message}";
        }
    }

    /// <summary>The <c>jwks_uri</c> string of the issuer's OpenID configuration; null when it has none.</summary>
    private async Task<string?> DiscoverJwksUriAsync(string issuer, CancellationToken cancellationToken)
    {
        var discovery = (issuer.EndsWith('/') ? issuer[..^1] : issuer) + "/.well-known/openid-configuration";
        using var document = System.Text.Json.JsonDocument.Parse(await GetStringAsync(discovery, cancellationToken));
        return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
            && document.RootElement.TryGetProperty("jwks_uri", out var jwksUri)
            && jwksUri.ValueKind == System.Text.Json.JsonValueKind.String
                ? jwksUri.GetString()
                : null;
    }

    private async Task<string> GetStringAsync(string uri, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(uri), cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>istiod's <c>validateJWKSFormat</c>: a JSON object whose <c>keys</c> is an array.</summary>
    private static bool IsJwks(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
            && document.RootElement.TryGetProperty("keys", out var keys)
            && keys.ValueKind == System.Text.Json.JsonValueKind.Array;
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public JwksKeys? Keys { get; set; }

        public string? Json { get; set; }

        public DateTimeOffset FetchedAt { get; set; }

        public DateTimeOffset AttemptedAt { get; set; } = DateTimeOffset.MinValue;

        public string? Problem { get; set; }
    }
}
