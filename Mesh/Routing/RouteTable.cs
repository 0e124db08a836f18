using System.Text.RegularExpressions;
using AspireAuth.Mesh.Authorization;
using AspireAuth.Mesh.Evaluation;
using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Routing;

/// <summary>
/// The routes of one gateway workload: VirtualServices bound to the Gateways that select it, in load order; the first
/// HTTP route whose match succeeds wins (E.1).
/// </summary>
public sealed class RouteTable
{
    private readonly IReadOnlyList<GatewayModel> _gateways;
    private readonly IReadOnlyList<(VirtualServiceModel Service, GatewayModel Gateway)> _bound;
    private readonly IReadOnlyList<DestinationRuleModel> _destinationRules;

    public RouteTable(IReadOnlyList<GatewayModel> gateways, IReadOnlyList<VirtualServiceModel> services, IReadOnlyList<DestinationRuleModel> destinationRules)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        ArgumentNullException.ThrowIfNull(services);
        _gateways = gateways;
        _destinationRules = destinationRules;
        _bound = services
            .SelectMany(vs => gateways.Where(g => IsBound(vs, g)).Select(g => (vs, g)))
            .ToArray();
    }

    public bool IsGateway => _gateways.Count > 0;

    public RouteResult Route(RequestAttributes request, string scheme, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = HostMatcher.StripPort(request.Host);
        foreach (var (service, gateway) in _bound)
        {
            if (!ServerAccepts(gateway, host, service.Id.Namespace) || !service.Hosts.Any(h => HostMatcher.Matches(h, host) || HostMatcher.Matches(HostMatcher.Qualify(h, service.Id.Namespace), host)))
            {
                continue;
            }

            var gatewayName = gateway.Id.QualifiedName;
            for (var i = 0; i < service.Http.Count; i++)
            {
                var route = service.Http[i];
                var matched = route.Match.Count == 0
                    ? new HttpMatchRequest { Uri = new StringMatchSpec(null, "/", null) }
                    : route.Match.FirstOrDefault(m => HttpMatchEvaluator.Matches(m, request, scheme, path, gatewayName));
                if (matched is null)
                {
                    continue;
                }

                return Build(service, i, route, matched, request, path);
            }
        }

        return new RouteResult { Status = 404, Path = path, Reason = $"no VirtualService route on the gateway matches host '{host}' and path '{QueryString.PathOnly(path)}'" };
    }

    private RouteResult Build(VirtualServiceModel service, int index, HttpRouteModel route, HttpMatchRequest matched, RequestAttributes request, string path)
    {
        var name = $"VirtualService {service.Id.QualifiedName} http[{index}]" + (route.Name is null ? string.Empty : $" ({route.Name})");
        if (route.DirectResponseStatus is { } status)
        {
            return new RouteResult { Status = status, Body = route.DirectResponseBody ?? string.Empty, DirectResponse = true, VirtualService = service, RouteIndex = index, Path = path, Reason = $"{name}: direct response" };
        }

        var destinations = route.Route.Count == 1
            ? [route.Route[0] with { Weight = 100 }]
            : route.Route.Where(d => d.Weight > 0).ToArray();
        var selected = new List<SelectedDestination>();
        foreach (var destination in destinations)
        {
            var host = HostMatcher.Qualify(destination.Host, service.Id.Namespace);
            IReadOnlyDictionary<string, string>? labels = null;
            if (destination.Subset is { } subset)
            {
                labels = _destinationRules
                    .Where(dr => string.Equals(HostMatcher.Qualify(dr.Host, dr.Id.Namespace), host, StringComparison.OrdinalIgnoreCase))
                    .Select(dr => dr.Subsets.TryGetValue(subset, out var l) ? l : null)
                    .FirstOrDefault(l => l is not null);
                if (labels is null)
                {
                    return new RouteResult { Status = 503, VirtualService = service, RouteIndex = index, Path = path, Reason = $"{name}: subset '{subset}' of {host} is not defined by any DestinationRule (no cluster)" };
                }
            }

            selected.Add(new SelectedDestination(host, destination.Subset, destination.Port, destination.Weight, labels));
        }

        return new RouteResult
        {
            VirtualService = service,
            RouteIndex = index,
            Destinations = selected,
            Path = Rewrite(route.Rewrite, matched, path),
            Authority = route.Rewrite?.Authority,
            Reason = name,
        };
    }

    /// <summary>E.4: a prefix match has the matched prefix replaced; exact and regex matches the whole path. Query kept.</summary>
    private static string Rewrite(HttpRewrite? rewrite, HttpMatchRequest matched, string path)
    {
        if (rewrite is null)
        {
            return path;
        }

        var pathOnly = QueryString.PathOnly(path);
        var query = path[pathOnly.Length..];
        if (rewrite.RegexMatch is not null && rewrite.RegexRewrite is not null)
        {
            var replacement = Regex.Replace(rewrite.RegexRewrite, @"\\(\d)", "$$$1");
            return Regex.Replace(pathOnly, rewrite.RegexMatch, replacement) + query;
        }

        if (rewrite.Uri is null)
        {
            return path;
        }

        return HttpMatchEvaluator.PrefixLength(matched) is { } length
            ? rewrite.Uri + pathOnly[length..] + query
            : rewrite.Uri + query;
    }

    private static bool IsBound(VirtualServiceModel service, GatewayModel gateway) =>
        service.Gateways.Any(g =>
        {
            var qualified = g.Contains('/', StringComparison.Ordinal) ? g : $"{service.Id.Namespace}/{g}";
            return qualified == gateway.Id.QualifiedName;
        });

    private static bool ServerAccepts(GatewayModel gateway, string host, string serviceNamespace) =>
        gateway.Servers.Any(server => server.Hosts.Any(h =>
        {
            var slash = h.IndexOf('/', StringComparison.Ordinal);
            var ns = slash < 0 ? "*" : h[..slash];
            var pattern = slash < 0 ? h : h[(slash + 1)..];
            return (ns is "*" || ns == serviceNamespace || (ns == "." && serviceNamespace == gateway.Id.Namespace)) && HostMatcher.Matches(pattern, host);
        }));
}
