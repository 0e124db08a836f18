using Yarp.ReverseProxy.Configuration;

namespace AspireAuth.Gateway.Routing;

/// <summary>The gateway's built-in route: everything to the ChatQnA service, found by service discovery.</summary>
internal static class DefaultRoutes
{
    public const string ChatQnaCluster = "chatqna";

    public static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        new RouteConfig
        {
            RouteId = "chatqna",
            ClusterId = ChatQnaCluster,
            Match = new RouteMatch { Path = "/{**catch-all}" },
        },
    ];

    public static IReadOnlyList<ClusterConfig> Clusters { get; } =
    [
        new ClusterConfig
        {
            ClusterId = ChatQnaCluster,
            Destinations = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase)
            {
                ["chatqna"] = new DestinationConfig { Address = "http://chatqna" },
            },
            // Streamed answers must not be buffered or cut short.
            HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromMinutes(10) },
        },
    ];
}
