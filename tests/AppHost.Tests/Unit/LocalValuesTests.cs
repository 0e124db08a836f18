namespace AspireAuth.AppHost.Tests.Unit;

public class LocalValuesTests
{
    [Fact]
    public void From_DerivesThePlaceholdersFromPortsAndTheOAuthProxyClient()
    {
        var values = LocalValues.From([RealmSamples.Istio], HostPorts.Default);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["CLIENT"] = "chatqna",
                ["INGRESS_PORT"] = "8080",
                ["KEYCLOAK_ADDR"] = "localhost:8180",
                ["REALM"] = "istio",
                ["URL"] = "http://chatqna.localhost:8080",
            },
            values.Variables);
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
    public void From_WithoutAnOAuthProxyClient_HasNoClientNorUrl_AndTheChatIsTheGatewaysRoot()
    {
        var values = LocalValues.From([RealmSamples.NoBrowserClient], HostPorts.WithOffset(1000));

        Assert.Equal("other", values.Variables["REALM"]);
        Assert.Equal("localhost:9180", values.Variables["KEYCLOAK_ADDR"]);
        Assert.Equal("9080", values.Variables["INGRESS_PORT"]);
        Assert.False(values.Variables.ContainsKey("CLIENT"));
        Assert.Null(values.OAuthProxyClient);
        Assert.Equal("http://localhost:9080/", values.ChatUrl);
    }

    [Fact]
    public void From_NoRealms_GivesOnlyTheAddresses()
    {
        var values = LocalValues.From([], HostPorts.Default);

        Assert.Equal(["INGRESS_PORT", "KEYCLOAK_ADDR"], values.Variables.Keys);
    }
}
