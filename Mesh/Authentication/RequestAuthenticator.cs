using AspireAuth.Mesh.Evaluation;

namespace AspireAuth.Mesh.Authentication;

/// <summary>
/// Envoy's jwt_authn filter as Istio configures it (A.1–A.5): output headers stripped from every request, each
/// provider's tokens extracted and all verified, providers OR-combined with <c>allow_missing</c> (the first provider
/// that verifies decides), and on success that provider's token removed (unless <c>forwardOriginalToken</c>) and its
/// payload and claim headers set.
/// </summary>
public sealed class RequestAuthenticator(IJwksProvider? jwksProvider, VerifiedTokenCache cache)
{
    /// <summary>Envoy's default clock skew, which Istio never changes.</summary>
    public const long ClockSkewSeconds = 60;

    private const int MaxRealmPathLength = 256;

    public VerifiedTokenCache Cache => cache;

    /// <summary>Authenticates; <paramref name="headers"/> is the upstream copy and is modified as Envoy modifies it.</summary>
    public async ValueTask<AuthenticationResult> AuthenticateAsync(
        IReadOnlyList<JwtProvider> providers,
        MeshRequest request,
        RequestHeaders headers,
        string path,
        DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(headers);
        if (providers.Count == 0)
        {
            return new AuthenticationResult { Path = path, Reason = "no RequestAuthentication applies" };
        }

        if (IsCorsPreflight(request.Method, headers))
        {
            return new AuthenticationResult { Path = path, CorsPreflightBypassed = true, Reason = "CORS preflight: JWT checks skipped" };
        }

        // Envoy's AnyVerifier (requires_any of origins-0..n-1) verifies the providers in order and completes at the first
        // that succeeds: later providers are never run, so their tokens stay in place and their claims are not used.
        // Each provider strips its own output headers just before it runs (ProviderVerifierImpl::verify calls
        // sanitizeHeaders), so a spoofed output header of a provider after the one that verified reaches the upstream.
        var outcomes = new List<ProviderOutcome>(providers.Count);
        var seconds = now.ToUnixTimeSeconds();
        foreach (var provider in providers)
        {
            RemoveOutputHeaders(provider, headers);
            var outcome = await VerifyProviderAsync(provider, headers, path, seconds, cancellationToken);
            if (outcome.Status == JwtStatus.Ok)
            {
                return new AuthenticationResult
                {
                    Path = ApplySuccess(outcome, headers, path),
                    Claims = outcome.Claims,
                    Provider = outcome.Provider,
                    Reason = $"token verified by RequestAuthentication {outcome.Provider.Policy.Id.QualifiedName} (issuer {outcome.Provider.Rule.Issuer})",
                };
            }

            outcomes.Add(outcome);
        }

        var failed = ReportedFailure(outcomes);
        if (failed is null)
        {
            return new AuthenticationResult { Path = path, Reason = "no token in any configured location: passes with no identity" };
        }

        var realm = $"{request.Scheme}://{request.Host}{(path.Length > MaxRealmPathLength ? path[..MaxRealmPathLength] : path)}";
        return new AuthenticationResult
        {
            Path = path,
            Status = failed.Status,
            HttpStatus = failed.Status == JwtStatus.JwtAudienceNotAllowed ? 403 : 401,
            Body = JwtStatusText.Of(failed.Status),
            WwwAuthenticate = failed.Status == JwtStatus.JwtMissed
                ? $"Bearer realm=\"{realm}\""
                : $"Bearer realm=\"{realm}\", error=\"invalid_token\"",
            Provider = failed.Provider,
            Reason = $"{JwtStatusText.Of(failed.Status)} (token from {failed.Location}, RequestAuthentication {failed.Provider.Policy.Id.QualifiedName}, issuer {failed.Provider.Rule.Issuer})",
        };
    }

    private static void RemoveOutputHeaders(JwtProvider provider, RequestHeaders headers)
    {
        if (provider.Rule.OutputPayloadToHeader is { Length: > 0 } payloadHeader)
        {
            headers.Remove(payloadHeader);
        }

        foreach (var claimHeader in provider.Rule.OutputClaimToHeaders)
        {
            headers.Remove(claimHeader.Header);
        }
    }

    /// <summary>
    /// <c>AnyVerifierImpl::onComplete</c> once no provider verified: its children are origins-0..n-1 and, with several
    /// providers, Istio's trailing <c>requires_all</c> (whose status is the first provider status in order that is not
    /// a missing token). Folding them, a later real error replaces an earlier one and an unknown issuer only replaces a
    /// missing token. When only missing tokens remain the request passes, unless a rule is <c>Required</c>.
    /// </summary>
    private static ProviderOutcome? ReportedFailure(List<ProviderOutcome> outcomes)
    {
        var children = new List<ProviderOutcome>(outcomes);
        if (outcomes.Count > 1 && outcomes.FirstOrDefault(o => o.Status != JwtStatus.JwtMissed) is { } requiresAll)
        {
            children.Add(requiresAll);
        }

        ProviderOutcome? reported = null;
        foreach (var child in children)
        {
            if (child.Status is not (JwtStatus.JwtMissed or JwtStatus.JwtUnknownIssuer) || reported is null || reported.Status == JwtStatus.JwtMissed)
            {
                reported = child;
            }
        }

        return reported is { Status: not JwtStatus.JwtMissed }
            ? reported
            : outcomes.FirstOrDefault(o => o.Provider.Rule.Required);
    }

    private async ValueTask<ProviderOutcome> VerifyProviderAsync(JwtProvider provider, RequestHeaders headers, string path, long now, CancellationToken cancellationToken)
    {
        var tokens = TokenExtractor.Extract(provider, headers, path);
        if (tokens.Count == 0)
        {
            return new ProviderOutcome(provider, JwtStatus.JwtMissed, null, tokens, "no token");
        }

        ClaimSet? claims = null;
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            var (status, verified, problem) = await VerifyTokenAsync(provider, tokens[i].Token, now, cancellationToken);
            if (status != JwtStatus.Ok)
            {
                return new ProviderOutcome(provider, status, null, tokens, problem is null ? Describe(tokens[i]) : $"{Describe(tokens[i])}; JWKS unavailable: {problem}");
            }

            claims = verified;
        }

        return new ProviderOutcome(provider, JwtStatus.Ok, claims, tokens, Describe(tokens[0]));
    }

    private async ValueTask<(JwtStatus Status, ClaimSet? Claims, string? JwksProblem)> VerifyTokenAsync(JwtProvider provider, string token, long now, CancellationToken cancellationToken)
    {
        // Without inline jwks the keys come from the jwksUri, or from the issuer's OpenID discovery document when only
        // the issuer is set (istiod's JwksResolver); the provider decides how.
        var keys = provider.InlineKeys;
        if (keys is null && jwksProvider is not null)
        {
            keys = await jwksProvider.GetKeysAsync(provider.Rule, null, cancellationToken);
        }

        keys ??= JwksKeys.Unavailable;
        if (cache.TryGet(provider, token, keys.Version, out var cached, out var cachedClaims))
        {
            var timeStatus = CheckTime(cached, now);
            if (timeStatus != JwtStatus.Ok)
            {
                cache.Remove(provider, token);
            }

            return (timeStatus, timeStatus == JwtStatus.Ok ? cachedClaims : null, null);
        }

        var status = JwtParser.TryParse(token, out var jwt);
        if (status != JwtStatus.Ok)
        {
            return (status, null, null);
        }

        if (provider.Rule.Issuer.Length > 0 && jwt!.Issuer != provider.Rule.Issuer)
        {
            return (JwtStatus.JwtUnknownIssuer, null, null);
        }

        status = CheckTime(jwt!, now);
        if (status != JwtStatus.Ok)
        {
            return (status, null, null);
        }

        if (!AudienceAllowed(jwt!, provider.Rule.Audiences))
        {
            return (JwtStatus.JwtAudienceNotAllowed, null, null);
        }

        if (SignatureVerifier.KidUnknown(jwt!, keys) && jwksProvider is not null && provider.InlineKeys is null)
        {
            keys = await jwksProvider.GetKeysAsync(provider.Rule, jwt!.Kid, cancellationToken);
        }

        status = SignatureVerifier.Verify(jwt!, keys);
        if (status != JwtStatus.Ok)
        {
            return (status, null, keys.IsUnavailable ? keys.Problem : null);
        }

        var claims = new ClaimSet(jwt!.Payload, provider.Rule.SpaceDelimitedClaims);
        cache.Add(provider, jwt, claims, keys.Version);
        return (JwtStatus.Ok, claims, null);
    }

    /// <summary>jwt_verify_lib <c>verifyTimeConstraint</c>, in its unsigned 64-bit arithmetic.</summary>
    private static JwtStatus CheckTime(ParsedJwt jwt, long now)
    {
        const ulong skew = ClockSkewSeconds;
        var seconds = (ulong)Math.Max(now, 0);
        if (jwt.NotBefore is { } nbf && unchecked(seconds + skew) < nbf)
        {
            return JwtStatus.JwtNotYetValid;
        }

        if (jwt.Expires is { } exp && exp != 0 && seconds > unchecked(exp + skew))
        {
            return JwtStatus.JwtExpired;
        }

        return JwtStatus.Ok;
    }

    /// <summary>jwt_verify_lib <c>check_audience.cc</c>: both sides lose an http(s):// prefix and one trailing slash.</summary>
    internal static bool AudienceAllowed(ParsedJwt jwt, IReadOnlyList<string> audiences)
    {
        if (audiences.Count == 0)
        {
            return true;
        }

        var allowed = audiences.Select(SanitizeAudience).ToHashSet(StringComparer.Ordinal);
        return jwt.Audiences.Any(a => allowed.Contains(SanitizeAudience(a)));
    }

    private static string SanitizeAudience(string audience)
    {
        var value = audience;
        if (value.StartsWith("http://", StringComparison.Ordinal))
        {
            value = value["http://".Length..];
        }
        else if (value.StartsWith("https://", StringComparison.Ordinal))
        {
            value = value["https://".Length..];
        }

        return value.EndsWith('/') ? value[..^1] : value;
    }

    private static string ApplySuccess(ProviderOutcome outcome, RequestHeaders headers, string path)
    {
        var rule = outcome.Provider.Rule;
        if (!rule.ForwardOriginalToken)
        {
            foreach (var token in outcome.Tokens)
            {
                if (token.Kind == TokenLocationKind.Header)
                {
                    headers.Remove(token.Name);
                }
                else if (token.Kind == TokenLocationKind.Param)
                {
                    path = QueryString.Remove(path, token.Name);
                }
            }
        }

        var claims = outcome.Claims!;
        if (rule.OutputPayloadToHeader is { Length: > 0 } payloadHeader)
        {
            // The token's own base64url payload segment, unpadded, as Envoy forwards it.
            headers.Set(payloadHeader, outcome.Tokens[0].Token.Split('.', StringSplitOptions.RemoveEmptyEntries)[1]);
        }

        foreach (var claimHeader in rule.OutputClaimToHeaders)
        {
            if (ClaimHeaderValue.Of(claims.Payload, claimHeader.Claim) is { } value)
            {
                headers.Set(claimHeader.Header, value);
            }
        }

        return path;
    }

    private static bool IsCorsPreflight(string method, RequestHeaders headers) =>
        method == "OPTIONS"
        && headers.GetValues("origin").Any(v => v.Length > 0)
        && headers.Contains("access-control-request-method");

    private static string Describe(ExtractedToken token) => token.Kind switch
    {
        TokenLocationKind.Header => $"header {token.Name}",
        TokenLocationKind.Param => $"query parameter {token.Name}",
        _ => $"cookie {token.Name}",
    };

    private sealed record ProviderOutcome(JwtProvider Provider, JwtStatus Status, ClaimSet? Claims, List<ExtractedToken> Tokens, string Location);
}
