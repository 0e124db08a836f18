using System.Net;
using System.Text.Json;
using AspireAuth.ServiceDefaults.Mesh;

namespace AspireAuth.Gateway.Tests;

public sealed class RoutingAndReloadTests
{
    private const string Workloads = """
        workloads:
        - {name: gateway, service: istio-ingressgateway, namespace: istio-system, labels: {istio: ingressgateway}}
        - {name: backend-v1, service: backend, namespace: default, labels: {app: backend, version: v1}}
        - {name: backend-v2, service: backend, namespace: default, labels: {app: backend, version: v2}}
        """;

    private const string Routes = """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: istio-system}
        spec:
          selector: {istio: ingressgateway}
          servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: backend, namespace: default}
        spec:
          host: backend.default.svc.cluster.local
          subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: backend, namespace: default}
        spec:
          hosts: ["*"]
          gateways: [istio-system/gw]
          http:
          - match: [{uri: {prefix: /v2}}]
            rewrite: {uri: /}
            route: [{destination: {host: backend, subset: v2}}]
          - route:
            - {destination: {host: backend, subset: v1}, weight: 80}
            - {destination: {host: backend, subset: v2}, weight: 20}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WeightedRoute_SplitsAbout80To20Over1000Requests_AndPrefixRewriteHitsV2()
    {
        await using var v1 = await LoopbackApp.EchoAsync("v1");
        await using var v2 = await LoopbackApp.EchoAsync("v2");
        await using var env = GatewayEnvironment.Create(Workloads, ("routes.yaml", Routes));
        env.Services["backend-v1"] = v1.Authority;
        env.Services["backend-v2"] = v2.Authority;
        await env.StartGatewayAsync();

        var counts = new Dictionary<string, int> { ["v1"] = 0, ["v2"] = 0 };
        for (var i = 0; i < 1000; i++)
        {
            counts[(await EchoAsync(env, "/items")).GetProperty("name").GetString()!]++;
        }

        // Binomial(1000, 0.2): sd ~ 12.6, so +-60 is more than 4.5 sd.
        Assert.InRange(counts["v2"], 140, 260);
        Assert.Equal(1000, counts["v1"] + counts["v2"]);

        var rewritten = await EchoAsync(env, "/v2/x?q=1");
        Assert.Equal("v2", rewritten.GetProperty("name").GetString());
        Assert.Equal("//x?q=1", rewritten.GetProperty("path").GetString());
    }

    [Fact]
    public async Task PolicyEdit_TakesEffectWithin2Seconds_AndABrokenEditKeepsTheLastGoodPolicy()
    {
        await using var v1 = await LoopbackApp.EchoAsync("v1");
        await using var v2 = await LoopbackApp.EchoAsync("v2");
        await using var env = GatewayEnvironment.Create(Workloads, ("routes.yaml", Routes));
        env.Services["backend-v1"] = v1.Authority;
        env.Services["backend-v2"] = v2.Authority;
        await env.StartGatewayAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(env, "/admin"));

        env.Write("deny.yaml", """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: deny-admin, namespace: istio-system}
            spec:
              action: DENY
              rules: [{to: [{operation: {paths: ["/admin*"]}}]}]
            """);
        var elapsed = await Eventually.TrueAsync(async () => await StatusAsync(env, "/admin") == HttpStatusCode.Forbidden);
        Assert.True(elapsed < TimeSpan.FromSeconds(2));

        var store = env.Gateway.App.Services.GetRequiredService<MeshConfigurationStore>();
        var rejected = store.RejectedReloads;
        env.Write("deny.yaml", """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: deny-admin, namespace: istio-system}
            spec:
              action: DENY
              rules: [{to: [{operation: {pathz: ["/admin*"]}}]}]
            """);
        await Eventually.TrueAsync(() => Task.FromResult(store.RejectedReloads > rejected));
        var error = store.LastErrors.First(e => e.Message == "unknown field");
        Assert.EndsWith("deny.yaml", error.File, StringComparison.Ordinal);
        Assert.Equal("AuthorizationPolicy/istio-system/deny-admin", error.Document);
        Assert.Equal("spec.rules[0].to[0].operation.pathz", error.Field);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(env, "/admin"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(env, "/public"));
    }

    [Fact]
    public async Task ReloadUnderLoad_DropsNoRequest()
    {
        await using var v1 = await LoopbackApp.EchoAsync("v1");
        await using var v2 = await LoopbackApp.EchoAsync("v2");
        await using var env = GatewayEnvironment.Create(Workloads, ("routes.yaml", Routes));
        env.Services["backend-v1"] = v1.Authority;
        env.Services["backend-v2"] = v2.Authority;
        await env.StartGatewayAsync();
        var store = env.Gateway.App.Services.GetRequiredService<MeshConfigurationStore>();

        var load = Enumerable.Range(0, 4).Select(async _ =>
        {
            var failures = 0;
            for (var i = 0; i < 100; i++)
            {
                failures += await StatusAsync(env, "/items") == HttpStatusCode.OK ? 0 : 1;
            }

            return failures;
        }).ToArray();
        for (var i = 0; i < 10; i++)
        {
            Assert.True(store.Reload());
            await Task.Delay(10, Ct);
        }

        Assert.Equal(0, (await Task.WhenAll(load)).Sum());
    }

    private static async Task<JsonElement> EchoAsync(GatewayEnvironment env, string path)
    {
        using var response = await env.Client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.Clone();
    }

    private static async Task<HttpStatusCode> StatusAsync(GatewayEnvironment env, string path)
    {
        using var response = await env.Client.GetAsync(path, Ct);
        return response.StatusCode;
    }
}
