namespace AspireAuth.Mesh.Tests.Routing;

/// <summary>Gateway + VirtualService + DestinationRule selection (E.1–E.6).</summary>
public sealed class RoutingTests
{
    private const string Gateway = """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: gateway, namespace: istio-system}
        spec:
          selector: {istio: ingressgateway}
          servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: backend, namespace: default}
        spec:
          host: backend.default.svc.cluster.local
          subsets:
          - {name: v1, labels: {version: v1}}
          - {name: v2, labels: {version: v2}}
        ---
        """;

    private const string Backend = Gateway + "\n" + """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: backend, namespace: default}
        spec:
          hosts: ["*"]
          gateways: [istio-system/gateway]
          http:
          - match: [{uri: {prefix: /v2}}]
            rewrite: {uri: /}
            route: [{destination: {host: backend.default.svc.cluster.local, subset: v2, port: {number: 80}}}]
          - match: [{uri: {prefix: /v1}}]
            rewrite: {uri: /}
            route: [{destination: {host: backend, subset: v1, port: {number: 80}}}]
          - match: [{uri: {prefix: /}}]
            route:
            - {destination: {host: backend.default.svc.cluster.local, subset: v1, port: {number: 80}}, weight: 80}
            - {destination: {host: backend.default.svc.cluster.local, subset: v2, port: {number: 80}}, weight: 20}
        """;

    private const string Ingress = "istio-system:istio=ingressgateway,app=istio-ingressgateway";

    [Theory]
    [InlineData("/v2/foo", "//foo", "v2")]
    [InlineData("/v2x", "/x", "v2")]
    [InlineData("/v1abc?q=1", "/abc?q=1", "v1")]
    public async Task PrefixRewrite_ReplacesOnlyTheMatchedPrefix(string path, string upstream, string subset)
    {
        var result = await new MeshHarness(Backend).EvaluateAsync(Ingress, MeshHarness.Request(host: "anything", path: path));
        Assert.Equal(200, result.Status);
        Assert.Equal(upstream, result.UpstreamPath);
        var destination = Assert.Single(result.Route!.Destinations);
        Assert.Equal(subset, destination.Subset);
        Assert.Equal("backend.default.svc.cluster.local", destination.Host);
        Assert.Equal(100, destination.Weight);
    }

    [Fact]
    public async Task CatchAll_SplitsByWeight_AndKeepsThePath()
    {
        var result = await new MeshHarness(Backend).EvaluateAsync(Ingress, MeshHarness.Request(path: "/other"));
        Assert.Equal("/other", result.UpstreamPath);
        Assert.Equal([("v1", 80), ("v2", 20)], result.Route!.Destinations.Select(d => (d.Subset!, d.Weight)));
        Assert.Equal("v1", result.Route.Destinations[0].SubsetLabels!["version"]);
    }

    [Fact]
    public async Task FirstMatchWins_NoMatchIs404_ZeroWeightDropped_MissingSubsetIs503()
    {
        var yaml = Gateway + "\n" + """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: jobs, namespace: default}
            spec:
              hosts: ["*"]
              gateways: [istio-system/gateway, mesh]
              http:
              - match: [{uri: {prefix: "/api/jobs"}}, {uri: {prefix: "/api/jobcategories"}}]
                route:
                - {destination: {host: backend, subset: v1}, weight: 100}
                - {destination: {host: backend, subset: v2}, weight: 0}
              - match: [{uri: {exact: /api/broken}}]
                route: [{destination: {host: backend, subset: v9}}]
            """;
        var mesh = new MeshHarness(yaml);
        var jobs = await mesh.EvaluateAsync(Ingress, MeshHarness.Request(path: "/api/jobcategories/1"));
        Assert.Equal("v1", Assert.Single(jobs.Route!.Destinations).Subset);
        var none = await mesh.EvaluateAsync(Ingress, MeshHarness.Request(path: "/api/users"));
        Assert.Equal(404, none.Status);
        Assert.Equal(string.Empty, none.Body);
        Assert.Equal(503, (await mesh.EvaluateAsync(Ingress, MeshHarness.Request(path: "/api/broken"))).Status);
    }

    [Fact]
    public async Task HeaderMatchWithExactRewrite_AndNoMatchRouteRewritesTheLeadingSlash()
    {
        // istio.io authz-custom task: an exact match replaces the whole path; a route without match is prefix "/".
        var yaml = Gateway + "\n" + """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: httpbin, namespace: foo}
            spec:
              hosts: ["*"]
              gateways: [istio-system/gateway]
              http:
              - match: [{uri: {exact: "/headers"}, headers: {x-ext-authz: {exact: allow}}}]
                rewrite: {uri: "/base64/cm91dGUtYWxsb3c="}
                route: [{destination: {host: httpbin.foo.svc.cluster.local}}]
              - route: [{destination: {host: httpbin.foo.svc.cluster.local}}]
                rewrite: {uri: "/base64/cm91dGUtZGVueQ=="}
            """;
        var mesh = new MeshHarness(yaml);
        var allow = await mesh.EvaluateAsync(Ingress, MeshHarness.Request(path: "/headers", headers: ("x-ext-authz", "allow")));
        Assert.Equal("/base64/cm91dGUtYWxsb3c=", allow.UpstreamPath);
        var deny = await mesh.EvaluateAsync(Ingress, MeshHarness.Request(path: "/headers"));
        Assert.Equal("/base64/cm91dGUtZGVueQ==headers", deny.UpstreamPath);
    }

    [Fact]
    public async Task HostsIgnorePortForRouting_AndClaimsCanRoute()
    {
        var key = TestTokens.Generate("k");
        var yaml = Gateway + "\n" + $$$$"""
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: ra, namespace: istio-system}
            spec:
              selector: {matchLabels: {istio: ingressgateway}}
              jwtRules: [{issuer: issuer-1, jwks: '{{{{key.Jwks}}}}'}]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: chatqna, namespace: chatqa}
            spec:
              hosts: [chatqna.localhost]
              gateways: [istio-system/gateway]
              http:
              - match: [{headers: {"@request.auth.claims.groups": {exact: group2}}}]
                route: [{destination: {host: chatqna, subset: v2}}]
              - route: [{destination: {host: chatqna}}]
            """;
        var mesh = new MeshHarness(yaml);
        var plain = await mesh.EvaluateAsync(Ingress, MeshHarness.Request(host: "ChatQnA.localhost:8080"));
        Assert.Equal("chatqna.chatqa.svc.cluster.local", Assert.Single(plain.Route!.Destinations).Host);
        var group2 = await mesh.EvaluateAsync(Ingress, MeshHarness.Bearer(key.Sign(new { iss = "issuer-1", groups = new[] { "group2" } }), host: "chatqna.localhost"));
        Assert.Equal(503, group2.Status); // subset v2 of chatqna has no DestinationRule here
        Assert.Equal(404, (await mesh.EvaluateAsync(Ingress, MeshHarness.Request(host: "other.localhost"))).Status);
    }

    [Fact]
    public async Task Sidecar_ForwardsToTheWorkloadItself()
    {
        var result = await new MeshHarness(Backend).EvaluateAsync("default:app=backend,version=v1", MeshHarness.Request(path: "/v2/x"));
        Assert.True(result.Forwarded);
        Assert.False(result.IsGateway);
        Assert.Equal("/v2/x", result.UpstreamPath);
    }
}
