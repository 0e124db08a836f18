using System.Net;

namespace AspireAuth.Mesh.Evaluation;

/// <summary>A request as the proxy receives it.</summary>
public sealed record MeshRequest
{
    public string Method { get; init; } = "GET";

    public string Scheme { get; init; } = "http";

    /// <summary>The <c>:authority</c> (Host header), with its port when given.</summary>
    public required string Host { get; init; }

    /// <summary>The <c>:path</c>, with its query string.</summary>
    public string Path { get; init; } = "/";

    public RequestHeaders Headers { get; init; } = new();

    /// <summary>The destination port the proxy received the request on.</summary>
    public int Port { get; init; } = 80;

    /// <summary>The peer's mTLS identity without <c>spiffe://</c>; null for plaintext.</summary>
    public string? SourcePrincipal { get; init; }

    public IPAddress SourceIp { get; init; } = IPAddress.Loopback;

    public IPAddress? RemoteIp { get; init; }

    public IPAddress? DestinationIp { get; init; }
}
