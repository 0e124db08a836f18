using AspireAuth.Mesh.Evaluation;
using AspireAuth.Mesh.Model;
using Microsoft.Extensions.Logging;

namespace AspireAuth.ServiceDefaults.Mesh;

/// <summary>
/// Envoy's ext_authz HTTP client (B.11) for an <c>envoyExtAuthzHttp</c> provider: the check request carries the
/// original method, <c>pathPrefix</c> + path, Host, Authorization and the allowed headers, no body. Only 200 allows;
/// 5xx, a timeout or a connection failure is an error (statusOnError with an empty body, or allow with failOpen); any
/// other status is returned to the client with the check service's body and the allowed headers.
/// </summary>
public sealed class ExtAuthzClient(ClusterServiceResolver resolver, ILogger<ExtAuthzClient> logger) : IDisposable
{
    private static readonly HashSet<string> s_notForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "content-length", "transfer-encoding", "connection", "keep-alive",
    };

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<ExtAuthzResult> CheckAsync(ExtAuthzHttpProvider provider, MeshRequest request, string defaultNamespace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(request);
        var service = provider.Service.Contains('/', StringComparison.Ordinal) ? provider.Service[(provider.Service.IndexOf('/', StringComparison.Ordinal) + 1)..] : provider.Service;
        var baseUri = await resolver.ResolveAsync(service, defaultNamespace, null, cancellationToken);
        if (baseUri is null)
        {
            return Error(provider, $"no endpoint for {provider.Service}");
        }

        using var check = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(baseUri, provider.PathPrefix + request.Path));
        check.Headers.Host = request.Host;
        foreach (var (name, values) in request.Headers)
        {
            if (s_notForwarded.Contains(name))
            {
                continue;
            }

            if (string.Equals(name, "authorization", StringComparison.OrdinalIgnoreCase) || HeaderPatterns.Matches(provider.IncludeRequestHeadersInCheck, name))
            {
                check.Headers.TryAddWithoutValidation(name, values);
            }
        }

        foreach (var (name, value) in provider.IncludeAdditionalHeadersInCheck)
        {
            check.Headers.Remove(name);
            check.Headers.TryAddWithoutValidation(name, value);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(provider.Timeout);
        try
        {
            using var response = await _client.SendAsync(check, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                return Error(provider, $"check service answered {status}");
            }

            var headers = response.Headers.Concat(response.Content.Headers)
                .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
                .Where(h => !s_notForwarded.Contains(h.Key))
                .ToArray();
            if (status == 200)
            {
                return new ExtAuthzResult
                {
                    Allowed = true,
                    UpstreamHeaders = headers.Where(h => HeaderPatterns.Matches(provider.HeadersToUpstreamOnAllow, h.Key)).ToArray(),
                    DownstreamHeaders = headers.Where(h => HeaderPatterns.Matches(provider.HeadersToDownstreamOnAllow, h.Key)).ToArray(),
                    Reason = $"ext_authz provider '{provider.Name}' allowed (200)",
                };
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var allowedOnDeny = provider.HeadersToDownstreamOnDeny;
            return new ExtAuthzResult
            {
                Allowed = false,
                Status = status,
                Body = body,
                DownstreamHeaders = headers.Where(h => allowedOnDeny is null
                    || HeaderPatterns.Matches(allowedOnDeny, h.Key)
                    || h.Key.Equals("location", StringComparison.OrdinalIgnoreCase)
                    || h.Key.Equals("www-authenticate", StringComparison.OrdinalIgnoreCase)).ToArray(),
                Reason = $"ext_authz provider '{provider.Name}' denied with {status}",
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Error(provider, $"check timed out after {provider.Timeout.TotalSeconds}s");
        }
        catch (HttpRequestException ex)
        {
            return Error(provider, $"connection failed: {ex.Message}");
        }
    }

    public void Dispose() => _client.Dispose();

    private ExtAuthzResult Error(ExtAuthzHttpProvider provider, string error)
    {
        logger.ExtAuthzError(provider.Name, error, provider.FailOpen ? 200 : provider.StatusOnError);
        return provider.FailOpen
            ? new ExtAuthzResult { Allowed = true, Reason = $"ext_authz provider '{provider.Name}' failed ({error}); failOpen allows" }
            : new ExtAuthzResult { Allowed = false, Status = provider.StatusOnError, Reason = $"ext_authz provider '{provider.Name}' failed ({error}); statusOnError {provider.StatusOnError}" };
    }
}
