using System.Globalization;
using System.Net;
using System.Text.Json;
using AspireAuth.Mesh.Evaluation;

namespace AspireAuth.Mesh.Check;

/// <summary>Reads <c>check</c>'s request JSON: one object or an array of objects.</summary>
public static class CheckRequestParser
{
    /// <summary>
    /// The requests, and whether the input was an array (the output then is one too). A field outside the contract
    /// (a test corpus's <c>name</c> or <c>expected</c>, or a typo) is reported through <paramref name="warn"/> and ignored.
    /// </summary>
    public static (IReadOnlyList<MeshRequest> Requests, bool IsArray) Parse(string json, string source, Action<string>? warn = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{source}: not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => ([ParseOne(root, source, warn)], false),
                JsonValueKind.Array => (root.EnumerateArray().Select((e, i) => ParseOne(e, $"{source}[{i}]", warn)).ToArray(), true),
                _ => throw new FormatException($"{source}: must be a JSON object or an array of objects"),
            };
        }
    }

    private static MeshRequest ParseOne(JsonElement element, string source, Action<string>? warn)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{source}: a request must be a JSON object");
        }

        var known = new[] { "method", "scheme", "host", "path", "headers", "port", "source", "remoteIp" };
        foreach (var property in element.EnumerateObject().Where(p => !known.Contains(p.Name)))
        {
            warn?.Invoke($"{source}: ignoring unknown field '{property.Name}' (the request fields are {string.Join(", ", known)})");
        }

        var headers = new RequestHeaders();
        if (element.TryGetProperty("headers", out var h))
        {
            if (h.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{source}.headers: must be an object of header names to a string or a list of strings");
            }

            foreach (var header in h.EnumerateObject())
            {
                switch (header.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        headers.Add(header.Name.ToLowerInvariant(), header.Value.GetString()!);
                        break;
                    case JsonValueKind.Array when header.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String):
                        foreach (var value in header.Value.EnumerateArray())
                        {
                            headers.Add(header.Name.ToLowerInvariant(), value.GetString()!);
                        }

                        break;
                    default:
                        throw new FormatException($"{source}.headers.{header.Name}: must be a string or a list of strings");
                }
            }
        }

        var scheme = String(element, "scheme", source) ?? "http";
        var host = String(element, "host", source) ?? (headers.GetValues("host") is { Count: > 0 } hostHeader ? hostHeader[0] : null)
            ?? throw new FormatException($"{source}.host: is required (or give a host header)");
        var port = scheme == "https" ? 443 : 80;
        if (element.TryGetProperty("port", out var p))
        {
            if (!p.TryGetInt32(out port) || port < 0 || port > 65535)
            {
                throw new FormatException($"{source}.port: must be a port number from 0 to 65535");
            }
        }

        string? principal = null;
        var sourceIp = IPAddress.Loopback;
        if (element.TryGetProperty("source", out var s))
        {
            if (s.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{source}.source: must be an object with principal and/or ip");
            }

            principal = String(s, "principal", $"{source}.source");
            if (principal is not null && principal.StartsWith("spiffe://", StringComparison.Ordinal))
            {
                principal = principal["spiffe://".Length..];
            }

            if (String(s, "ip", $"{source}.source") is { } ip)
            {
                sourceIp = Ip(ip, $"{source}.source.ip");
            }
        }

        var remote = String(element, "remoteIp", source) is { } r ? Ip(r, $"{source}.remoteIp") : null;
        return new MeshRequest
        {
            Method = String(element, "method", source) ?? "GET",
            Scheme = scheme,
            Host = host,
            // An HTTP client sends an empty path as "/".
            Path = String(element, "path", source) is { Length: > 0 } path ? path : "/",
            Headers = headers,
            Port = port,
            SourcePrincipal = principal,
            SourceIp = sourceIp,
            RemoteIp = remote,
        };
    }

    private static string? String(JsonElement element, string name, string source)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{source}.{name}: must be a string"));
    }

    private static IPAddress Ip(string text, string source) =>
        IPAddress.TryParse(text, out var ip) ? ip : throw new FormatException($"{source}: '{text}' is not an IP address");
}
