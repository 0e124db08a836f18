namespace AspireAuth.OAuthProxy.Options;

/// <summary>One <c>extra_jwt_issuers</c> entry, <c>issuer=audience</c>: bearer JWTs from that issuer for that audience.</summary>
public sealed record ExtraJwtIssuer(string Issuer, string Audience)
{
    /// <summary>Splits at the first <c>=</c>, as oauth2-proxy does; null when either side is missing.</summary>
    public static ExtraJwtIssuer? Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        return equals <= 0 || equals == spec.Length - 1 ? null : new ExtraJwtIssuer(spec[..equals], spec[(equals + 1)..]);
    }
}
