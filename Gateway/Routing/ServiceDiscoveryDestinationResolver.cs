using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace AspireAuth.Gateway.Routing;

/// <summary>
/// Resolves YARP destinations such as <c>http://chatqna</c> through Microsoft.Extensions.ServiceDiscovery, so a
/// destination is found from <c>services__chatqna__http__0</c> exactly as an HttpClient would find it.
/// </summary>
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations,
        CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase);
        var changeTokens = new List<IChangeToken>();
        foreach (var (name, destination) in destinations)
        {
            var uri = new Uri(destination.Address);
            var source = await resolver.GetEndpointsAsync(uri.GetLeftPart(UriPartial.Authority), cancellationToken);
            changeTokens.Add(source.ChangeToken);
            var index = 0;
            foreach (var endpoint in source.Endpoints)
            {
                var address = ToAddress(uri, endpoint.EndPoint);
                results[source.Endpoints.Count == 1 ? name : $"{name}[{index}]"] = destination with
                {
                    Address = address,
                    Host = destination.Host ?? uri.Authority,
                };
                index++;
            }
        }

        var changeToken = changeTokens.Count == 0 ? null : new CompositeChangeToken(changeTokens);
        return new ResolvedDestinationCollection(results, changeToken);
    }

    private static string ToAddress(Uri original, System.Net.EndPoint endPoint)
    {
        var authority = endPoint switch
        {
            System.Net.DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
            System.Net.IPEndPoint ip => ip.ToString(),
            UriEndPoint uri => uri.Uri.Authority,
            _ => endPoint.ToString() ?? original.Authority,
        };
        var scheme = endPoint is UriEndPoint u ? u.Uri.Scheme : original.Scheme;
        return $"{scheme}://{authority}{original.PathAndQuery.TrimEnd('/')}";
    }
}
