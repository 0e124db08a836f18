using System.Net;
using AspireAuth.Mesh.Authentication;
using AspireAuth.Mesh.Evaluation;

namespace AspireAuth.Mesh.Authorization;

/// <summary>The attributes authorization matches (B.4, B.5), computed once per request.</summary>
public sealed class RequestAttributes
{
    public RequestAttributes(MeshRequest request, string normalizedPath, RequestHeaders headers, ClaimSet? claims)
    {
        ArgumentNullException.ThrowIfNull(request);
        Method = request.Method;
        Host = request.Host;
        Path = QueryString.PathOnly(normalizedPath);
        Port = request.Port;
        Headers = headers;
        Claims = claims;
        SpiffePrincipal = request.SourcePrincipal is null ? null : "spiffe://" + request.SourcePrincipal;
        SourceIp = request.SourceIp;
        RemoteIp = request.RemoteIp ?? request.SourceIp;
        DestinationIp = request.DestinationIp;
        Sni = request.Scheme == "https" ? ServerName(request.Host) : null;
    }

    public string Method { get; }

    public string Host { get; }

    /// <summary>The normalised path without query string or fragment.</summary>
    public string Path { get; }

    public int Port { get; }

    public RequestHeaders Headers { get; }

    /// <summary>The verified JWT payload; null without a token.</summary>
    public ClaimSet? Claims { get; }

    /// <summary>The peer principal with <c>spiffe://</c>; null for plaintext.</summary>
    public string? SpiffePrincipal { get; }

    public IPAddress SourceIp { get; }

    public IPAddress RemoteIp { get; }

    public IPAddress? DestinationIp { get; }

    /// <summary>
    /// The TLS server name a client sends for an https request: the host without its port, none for an IP literal
    /// (RFC 6066). Null for plaintext. (Mesh-internal mTLS SNI, <c>outbound_.port_._.fqdn</c>, is not modelled.)
    /// </summary>
    public string? Sni { get; }

    private static string? ServerName(string host)
    {
        var name = host.StartsWith('[') ? host : host.Split(':')[0];
        return name.Length == 0 || name.StartsWith('[') || IPAddress.TryParse(name, out _) ? null : name;
    }
}
