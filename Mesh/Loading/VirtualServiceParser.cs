using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Loading;

/// <summary>
/// Parses a VirtualService: hosts, gateways and HTTP routes (match, route, rewrite, directResponse). Route features the
/// emulation does not apply (timeouts, retries, fault, mirror, CORS, header edits) are accepted as written.
/// </summary>
internal static class VirtualServiceParser
{
    public static VirtualServiceModel Parse(Node root, DocumentMetadata metadata)
    {
        var spec = root.Field("spec");
        spec.AllowOnly("hosts", "gateways", "http", "tls", "tcp", "exportTo");
        var hosts = spec.Field("hosts").StringList() ?? [];
        if (hosts.Count == 0)
        {
            spec.Field("hosts").Error(null, "at least one host is required");
        }

        var gateways = spec.Field("gateways").StringList() ?? [];
        var http = spec.Field("http").Items().Select(ParseRoute).ToArray();
        return new VirtualServiceModel(metadata.Id, hosts, gateways, http);
    }

    private static HttpRouteModel ParseRoute(Node route)
    {
        route.AllowOnly("name", "match", "route", "redirect", "directResponse", "delegate", "rewrite", "timeout", "retries",
            "fault", "mirror", "mirrors", "mirrorPercent", "mirrorPercentage", "mirror_percent", "corsPolicy", "headers");
        var matches = route.Field("match").Items().Select(ParseMatch).ToArray();
        var destinations = route.Field("route").Items().Select(ParseDestination).ToArray();
        var hasRedirect = route.Has("redirect");
        var direct = route.Field("directResponse");
        direct.AllowOnly("status", "body");
        int? directStatus = direct.IsMissing ? null : direct.Field("status").Int(200, 599);
        string? directBody = direct.Field("body").Field("string").String();
        if (destinations.Length == 0 && !hasRedirect && direct.IsMissing && !route.Has("delegate"))
        {
            route.Error(null, "HTTP route, redirect or directResponse is required");
        }

        if (destinations.Length > 1 && destinations.Sum(d => d.Weight) <= 0)
        {
            route.Field("route").Error(null, "total destination weight must be greater than 0");
        }

        var rewrite = route.Field("rewrite");
        rewrite.AllowOnly("uri", "authority", "uriRegexRewrite");
        var regex = rewrite.Field("uriRegexRewrite");
        regex.AllowOnly("match", "rewrite");
        var parsedRewrite = rewrite.IsMissing
            ? null
            : new HttpRewrite(rewrite.Field("uri").String(), rewrite.Field("authority").String(), regex.Field("match").String(), regex.Field("rewrite").String());
        return new HttpRouteModel(route.Field("name").String(), matches, destinations, parsedRewrite, directStatus, directBody);
    }

    private static HttpMatchRequest ParseMatch(Node match)
    {
        match.AllowOnly("name", "uri", "scheme", "method", "authority", "headers", "port", "sourceLabels", "gateways",
            "queryParams", "ignoreUriCase", "withoutHeaders", "sourceNamespace", "statPrefix");
        return new HttpMatchRequest
        {
            Name = match.Field("name").String(),
            Uri = StringMatchParser.Parse(match.Field("uri")),
            Scheme = StringMatchParser.Parse(match.Field("scheme")),
            Method = StringMatchParser.Parse(match.Field("method")),
            Authority = StringMatchParser.Parse(match.Field("authority")),
            Headers = StringMatchParser.ParseMap(match.Field("headers"), lowerCaseKeys: true),
            WithoutHeaders = StringMatchParser.ParseMap(match.Field("withoutHeaders"), lowerCaseKeys: true),
            QueryParams = StringMatchParser.ParseMap(match.Field("queryParams"), lowerCaseKeys: false),
            Port = match.Field("port").Int(1, 65535),
            IgnoreUriCase = match.Field("ignoreUriCase").Bool() ?? false,
            SourceLabels = match.Field("sourceLabels").StringMap(),
            Gateways = match.Field("gateways").StringList(),
        };
    }

    private static RouteDestination ParseDestination(Node item)
    {
        item.AllowOnly("destination", "weight", "headers");
        var destination = item.Field("destination");
        destination.AllowOnly("host", "subset", "port");
        var host = destination.Field("host").String();
        if (string.IsNullOrEmpty(host))
        {
            destination.Field("host").Error(host, "is required");
        }

        var port = destination.Field("port");
        port.AllowOnly("number");
        var weight = item.Field("weight").Int(0, int.MaxValue);
        return new RouteDestination(host ?? string.Empty, destination.Field("subset").String(), port.Field("number").Int(1, 65535), weight ?? 0);
    }
}
