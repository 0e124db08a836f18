namespace AspireAuth.AppHost.Tests.Unit;

public class LocalValuesTests
{
    [Fact]
    public void From_GivesDevHostsPlaceholdersForTheDefaultRealm()
    {
        var values = LocalValues.From([RealmSamples.Istio], HostPorts.Default);

        // DevHost's LocalConfiguration: KEYCLOAK_ADDR=localhost:8180, REALM=istio, CLIENT=chatqna (oauth2-proxy's client),
        // INGRESS_PORT=8080, and the UI host and URL the CUSTOM policy and oauth2-proxy's redirect_url use.
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["CLIENT"] = "chatqna",
                ["INGRESS_PORT"] = "8080",
                ["KEYCLOAK_ADDR"] = "localhost:8180",
                ["REALM"] = "istio",
                ["UI_HOST"] = "chatqna.localhost:8080",
                ["URL"] = "http://chatqna.localhost:8080",
            },
            values.Variables);
        Assert.Equal("chatqna", values.OAuthProxyClient?.ClientId);
        Assert.Equal("s3cret", values.OAuthProxyClient?.Secret);
        Assert.Equal("http://localhost:8180", values.KeycloakUrl);
        Assert.Equal("http://chatqna.localhost:8080/", values.ChatUrl);
    }

    [Fact]
    public void From_PrefersTheRealmWithAnOAuthProxyClient()
    {
        var values = LocalValues.From([RealmSamples.NoBrowserClient, RealmSamples.Istio], HostPorts.Default);

        Assert.Equal("istio", values.Variables["REALM"]);
    }

    [Fact]
    public void From_WithoutAnOAuthProxyClient_TheChatIsTheGatewaysRoot_OnTheMovedPorts()
    {
        var values = LocalValues.From([RealmSamples.NoBrowserClient], HostPorts.WithOffset(1000));

        Assert.Equal("other", values.Variables["REALM"]);
        Assert.Equal("cli", values.Variables["CLIENT"]);
        Assert.Equal("localhost:9180", values.Variables["KEYCLOAK_ADDR"]);
        Assert.Equal("9080", values.Variables["INGRESS_PORT"]);
        Assert.Null(values.OAuthProxyClient);
        Assert.Equal("http://localhost:9080/", values.ChatUrl);
    }

    [Fact]
    public void ChatUrl_IsTheCallbacksHostOnTheGatewaysPort()
    {
        Assert.Equal("http://chatqna.localhost:9080/", LocalValues.From([RealmSamples.Istio], HostPorts.WithOffset(1000)).ChatUrl);
    }

    [Fact]
    public void From_NoRealms_GivesOnlyTheAddresses()
    {
        var values = LocalValues.From([], HostPorts.Default);

        Assert.Equal(["INGRESS_PORT", "KEYCLOAK_ADDR"], values.Variables.Keys);
    }
}
