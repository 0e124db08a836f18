using System.Collections.Concurrent;
using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Authentication;

/// <summary>
/// Fetches <c>jwksUri</c> over HTTP(S) with the rule's timeout and caches it. A kid the cached set lacks triggers a
/// refetch at most every <see cref="RefetchInterval"/>; when the IdP is down the last good set keeps serving; a
/// <c>jwksUri</c> that never answered yields <see cref="JwksKeys.Unavailable"/> (Istio fails closed).
/// </summary>
public sealed class HttpJwksProvider(HttpClient client, TimeProvider? timeProvider = null) : IJwksProvider
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private long _version;

    /// <summary>How long a fetched set is used before it is refreshed (Envoy's remote JWKS default: 300 s).</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Minimum time between refetches triggered by an unknown kid.</summary>
    public TimeSpan RefetchInterval { get; init; } = TimeSpan.FromSeconds(10);

    public async ValueTask<JwksKeys> GetKeysAsync(JwtRule rule, string? unknownKid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var uri = rule.JwksUri ?? throw new ArgumentException("The rule has no jwksUri.", nameof(rule));
        var entry = _entries.GetOrAdd(uri, _ => new Entry());
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
                    await FetchAsync(uri, rule.Timeout, entry, cancellationToken);
                }
            }
            finally
            {
                entry.Gate.Release();
            }
        }

        return entry.Keys ?? JwksKeys.Unavailable;
    }

    private async Task FetchAsync(string uri, TimeSpan timeout, Entry entry, CancellationToken cancellationToken)
    {
        entry.AttemptedAt = _time.GetUtcNow();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var response = await client.GetAsync(new Uri(uri), timeoutSource.Token);
            response.EnsureSuccessStatusCode();
            var json = await response.Content.ReadAsStringAsync(timeoutSource.Token);
            if (entry.Json != json)
            {
                entry.Keys = JwksKeys.Parse(json, Interlocked.Increment(ref _version));
                entry.Json = json;
            }

            entry.FetchedAt = _time.GetUtcNow();
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ArgumentException or System.Text.Json.JsonException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            // Keep serving the last good set while the IdP is down.
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public JwksKeys? Keys { get; set; }

        public string? Json { get; set; }

        public DateTimeOffset FetchedAt { get; set; }

        public DateTimeOffset AttemptedAt { get; set; } = DateTimeOffset.MinValue;
    }
}
