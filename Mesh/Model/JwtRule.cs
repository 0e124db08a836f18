namespace AspireAuth.Mesh.Model;

/// <summary>One <c>jwtRules</c> entry of a RequestAuthentication (istio.security.v1beta1.JWTRule).</summary>
public sealed record JwtRule
{
    public required string Issuer { get; init; }

    public IReadOnlyList<string> Audiences { get; init; } = [];

    /// <summary>Inline JWKS JSON.</summary>
    public string? Jwks { get; init; }

    public string? JwksUri { get; init; }

    public IReadOnlyList<JwtHeaderLocation> FromHeaders { get; init; } = [];

    public IReadOnlyList<string> FromParams { get; init; } = [];

    public IReadOnlyList<string> FromCookies { get; init; } = [];

    public string? OutputPayloadToHeader { get; init; }

    public bool ForwardOriginalToken { get; init; }

    public IReadOnlyList<ClaimToHeader> OutputClaimToHeaders { get; init; } = [];

    /// <summary>JWKS fetch timeout; Istio's default is 5 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<string> SpaceDelimitedClaims { get; init; } = [];

    /// <summary><c>presence: REQUIRED</c>: a request without a token for this rule is rejected (401 <c>Jwt is missing</c>).</summary>
    public bool Required { get; init; }

    /// <summary>Envoy's default locations apply when no location is configured.</summary>
    public bool UsesDefaultLocations => FromHeaders.Count == 0 && FromParams.Count == 0 && FromCookies.Count == 0;
}
