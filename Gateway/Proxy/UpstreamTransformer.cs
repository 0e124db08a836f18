using Yarp.ReverseProxy.Forwarder;

namespace AspireAuth.Gateway.Proxy;

/// <summary>
/// Sends the request to the chosen instance with the path the mesh computed (normalised, token removed, rewritten), kept
/// byte for byte, and the original (or rewritten) authority, as Envoy forwards it.
/// </summary>
internal sealed class UpstreamTransformer(string pathAndQuery, string authority) : HttpTransformer
{
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        proxyRequest.RequestUri = new Uri(destinationPrefix.TrimEnd('/') + pathAndQuery, UriKind.Absolute);
        proxyRequest.Headers.Host = authority;
    }
}
