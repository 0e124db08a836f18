using AspireAuth.ChatQnaStub;
using AspireAuth.Gateway;

namespace AspireAuth.DevHost.Hosting;

/// <summary>The services of the environment, in start order (a service starts after those it references).</summary>
internal static class ServiceCatalog
{
    public static IReadOnlyList<ServiceDefinition> All { get; } =
    [
        new(
            ChatQnaStubApplication.ResourceName,
            "ChatQnA",
            "ChatQnaStub",
            ChatQnaStubApplication.DefaultPort,
            ChatQnaStubApplication.Build,
            [],
            "OPEA ChatQnA megaservice stand-in (POST /v1/chatqna, /v1/dataprep/*)"),
        new(
            GatewayApplication.ResourceName,
            "Gateway",
            "Gateway",
            GatewayApplication.DefaultPort,
            GatewayApplication.Build,
            [ChatQnaStubApplication.ResourceName],
            "ingress gateway: chat UI and API"),
    ];
}
