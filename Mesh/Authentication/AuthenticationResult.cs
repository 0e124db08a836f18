namespace AspireAuth.Mesh.Authentication;

/// <summary>
/// What the jwt_authn filter did: passed (with the verified claims, or none when no token was present) or rejected the
/// request with Envoy's status, body and <c>www-authenticate</c>.
/// </summary>
public sealed record AuthenticationResult
{
    public bool Passed => Status == JwtStatus.Ok;

    public JwtStatus Status { get; init; } = JwtStatus.Ok;

    /// <summary>401, or 403 for an audience mismatch; 200 when passed.</summary>
    public int HttpStatus { get; init; } = 200;

    public string Body { get; init; } = string.Empty;

    public string? WwwAuthenticate { get; init; }

    /// <summary>The verified payload; null when no token was presented.</summary>
    public ClaimSet? Claims { get; init; }

    /// <summary>The provider whose result decided, for explanations.</summary>
    public JwtProvider? Provider { get; init; }

    /// <summary>True when JWT checks were skipped for a CORS preflight.</summary>
    public bool CorsPreflightBypassed { get; init; }

    /// <summary>A one-line reason for explanations.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>The <c>:path</c> after a query-parameter token was removed.</summary>
    public required string Path { get; init; }
}
