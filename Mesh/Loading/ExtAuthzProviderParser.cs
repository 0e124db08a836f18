using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Loading;

/// <summary>Parses and validates an <c>envoyExtAuthzHttp</c> extension provider.</summary>
internal static class ExtAuthzProviderParser
{
    public static ExtAuthzHttpProvider? Parse(string name, Node http)
    {
        http.AllowOnly("service", "port", "timeout", "pathPrefix", "failOpen", "statusOnError", "includeHeadersInCheck",
            "includeRequestHeadersInCheck", "includeAdditionalHeadersInCheck", "includeRequestBodyInCheck",
            "headersToUpstreamOnAllow", "headersToDownstreamOnDeny", "headersToDownstreamOnAllow", "clearRouteCache");
        var service = http.Field("service").String();
        if (string.IsNullOrEmpty(service))
        {
            http.Field("service").Error(service, "is required");
        }

        var port = http.Field("port").Int(1, 65535);
        if (port is null && http.Field("port").IsMissing)
        {
            http.Field("port").Error(null, "is required");
        }

        var pathPrefix = http.Field("pathPrefix").String() ?? string.Empty;
        if (pathPrefix.Length > 0 && !pathPrefix.StartsWith('/'))
        {
            http.Field("pathPrefix").Error(pathPrefix, "must begin with /");
        }

        var statusOnError = http.Field("statusOnError").String();
        var status = 403;
        if (statusOnError is not null && (!int.TryParse(statusOnError, out status) || status < 100 || status > 599))
        {
            http.Field("statusOnError").Error(statusOnError, "must be an HTTP status code");
        }

        var include = (http.Field("includeRequestHeadersInCheck").StringList() ?? [])
            .Concat(http.Field("includeHeadersInCheck").StringList() ?? []).ToArray();
        foreach (var header in include.Where(h => h == "*"))
        {
            http.Field("includeRequestHeadersInCheck").Error(header, "'*' alone is not allowed");
        }

        if (service is null || port is null)
        {
            return null;
        }

        return new ExtAuthzHttpProvider
        {
            Name = name,
            Service = service,
            Port = port.Value,
            PathPrefix = pathPrefix,
            Timeout = http.Field("timeout").Duration() ?? TimeSpan.FromSeconds(600),
            FailOpen = http.Field("failOpen").Bool() ?? false,
            StatusOnError = status,
            IncludeRequestHeadersInCheck = include,
            IncludeAdditionalHeadersInCheck = http.Field("includeAdditionalHeadersInCheck").StringMap(),
            HeadersToUpstreamOnAllow = http.Field("headersToUpstreamOnAllow").StringList() ?? [],
            HeadersToDownstreamOnAllow = http.Field("headersToDownstreamOnAllow").StringList() ?? [],
            HeadersToDownstreamOnDeny = http.Field("headersToDownstreamOnDeny").StringList(),
        };
    }
}
