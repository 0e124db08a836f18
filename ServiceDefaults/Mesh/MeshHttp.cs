using System.Net;
using AspireAuth.Mesh.Evaluation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AspireAuth.ServiceDefaults.Mesh;

/// <summary>Translates between ASP.NET Core requests and the engine's values.</summary>
public static class MeshHttp
{
    /// <summary>The header carrying the one-line reason when explanations are on.</summary>
    public const string ExplainHeader = "x-mesh-explain";

    /// <summary>The request as the proxy sees it. Local services call in plaintext, so there is no peer principal.</summary>
    public static MeshRequest ToMeshRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var headers = new RequestHeaders();
        foreach (var (name, values) in request.Headers)
        {
            if (name.StartsWith(':'))
            {
                continue;
            }

            foreach (var value in values)
            {
                headers.Add(name.ToLowerInvariant(), value ?? string.Empty);
            }
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var path = string.IsNullOrEmpty(rawTarget) || !rawTarget.StartsWith('/')
            ? request.PathBase + request.Path + request.QueryString
            : rawTarget;
        var remote = context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
        return new MeshRequest
        {
            Method = request.Method,
            Scheme = request.Scheme,
            Host = request.Host.Value ?? string.Empty,
            Path = path,
            Headers = headers,
            Port = context.Connection.LocalPort,
            SourceIp = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote,
            DestinationIp = context.Connection.LocalIpAddress,
        };
    }

    /// <summary>Writes the proxy's own reply: status, body (text/plain as Envoy's local replies), headers.</summary>
    public static async Task WriteLocalReplyAsync(HttpContext context, int status, string body, IEnumerable<KeyValuePair<string, string>> headers, string? explanation)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers.Append(name, value);
        }

        if (explanation is not null)
        {
            context.Response.Headers[ExplainHeader] = Sanitize(explanation);
        }

        if (body.Length > 0)
        {
            context.Response.ContentType ??= "text/plain";
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>Makes the request match what the engine forwards: headers (token removed, outputs set) and path.</summary>
    public static void ApplyUpstream(HttpContext context, MeshEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(evaluation);
        var headers = context.Request.Headers;
        foreach (var name in headers.Keys.ToArray())
        {
            if (!name.StartsWith(':') && !evaluation.UpstreamHeaders.Contains(name) && !string.Equals(name, "host", StringComparison.OrdinalIgnoreCase))
            {
                headers.Remove(name);
            }
        }

        foreach (var (name, values) in evaluation.UpstreamHeaders)
        {
            if (!string.Equals(name, "host", StringComparison.OrdinalIgnoreCase))
            {
                headers[name] = values.ToArray();
            }
        }
    }

    /// <summary>Header values must be visible ASCII on one line.</summary>
    public static string Sanitize(string text)
    {
        var chars = text.Select(c => c is >= ' ' and <= '~' ? c : ' ').ToArray();
        var value = new string(chars);
        return value.Length > 1024 ? value[..1024] : value;
    }
}
