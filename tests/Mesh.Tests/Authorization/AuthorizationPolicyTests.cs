using AspireAuth.Mesh.Evaluation;

namespace AspireAuth.Mesh.Tests.Authorization;

/// <summary>AuthorizationPolicy semantics (B.1–B.10) on the sidecar of foo:app=httpbin.</summary>
public sealed class AuthorizationPolicyTests
{
    private static readonly TestTokens s_key = TestTokens.Generate("k1");

    private static string Policy(string action, string rules, string ns = "foo", string selector = "selector: {matchLabels: {app: httpbin}}", string annotations = "") => $"""
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: p-{action.ToLowerInvariant()}
          namespace: {ns}
          {annotations}
        spec:
          {selector}
          action: {action}
        {rules}
        """;

    private static string Ra => $$$"""
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata: {name: ra, namespace: foo}
        spec:
          jwtRules: [{issuer: issuer-1, jwks: '{{{s_key.Jwks}}}'}]
        """;

    private static async Task<int> StatusAsync(string yaml, MeshRequest request) =>
        (await new MeshHarness(yaml).EvaluateAsync("foo:app=httpbin,version=v1", request)).Status;

    [Fact]
    public async Task NoPolicies_Allow_EmptySpecDeniesAll_RulesWithEmptyRuleAllowsAll()
    {
        Assert.Equal(200, await StatusAsync(Ra, MeshHarness.Request()));
        Assert.Equal(403, await StatusAsync("apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: deny-all, namespace: foo}\nspec: {}", MeshHarness.Request()));
        Assert.Equal(200, await StatusAsync(Policy("ALLOW", "  rules: [{}]"), MeshHarness.Request()));
        Assert.Equal(403, await StatusAsync(Policy("DENY", "  rules: [{}]"), MeshHarness.Request()));
    }

    [Fact]
    public async Task ConnectionSni_IsTheHostOfAnHttpsRequest_WithoutPortOrIpLiteral()
    {
        var allow = Policy("ALLOW", "  rules: [{when: [{key: connection.sni, values: [\"*.example.com\"]}]}]");
        MeshRequest Https(string host) => MeshHarness.Request(host: host) with { Scheme = "https", Port = 443 };
        Assert.Equal(200, await StatusAsync(allow, Https("api.example.com:443")));
        Assert.Equal(403, await StatusAsync(allow, Https("api.example.org")));
        Assert.Equal(403, await StatusAsync(allow, MeshHarness.Request(host: "api.example.com")));
        var notSni = Policy("ALLOW", "  rules: [{when: [{key: connection.sni, notValues: [\"api.example.com\"]}]}]");
        Assert.Equal(200, await StatusAsync(notSni, Https("10.0.0.1:443")));
        Assert.Equal(403, await StatusAsync(notSni, Https("api.example.com")));
    }

    [Fact]
    public async Task DenyBeatsAllow_AndAuditNeverDecides()
    {
        var yaml = Policy("ALLOW", "  rules: [{}]") + "\n---\n" + Policy("DENY", "  rules: [{to: [{operation: {paths: [/admin*]}}]}]")
            + "\n---\n" + Policy("AUDIT", "  rules: [{}]");
        Assert.Equal(200, await StatusAsync(yaml, MeshHarness.Request(path: "/ip")));
        Assert.Equal(403, await StatusAsync(yaml, MeshHarness.Request(path: "/admin/x")));
    }

    [Fact]
    public async Task DryRun_NeverEnforces()
    {
        var dryDeny = Policy("DENY", "  rules: [{}]", annotations: "annotations: {\"istio.io/dry-run\": \"true\"}");
        Assert.Equal(200, await StatusAsync(dryDeny, MeshHarness.Request()));
        var dryAllow = Policy("ALLOW", "  rules: [{to: [{operation: {paths: [/only]}}]}]", annotations: "annotations: {\"istio.io/dry-run\": \"T\"}");
        Assert.Equal(200, await StatusAsync(dryAllow, MeshHarness.Request(path: "/other")));
        var notDry = Policy("ALLOW", "  rules: [{to: [{operation: {paths: [/only]}}]}]", annotations: "annotations: {\"istio.io/dry-run\": \"yes\"}");
        Assert.Equal(403, await StatusAsync(notDry, MeshHarness.Request(path: "/other")));
    }

    [Theory]
    [InlineData("[/headers]", "/headers?x=1", 200)]
    [InlineData("[/headers]", "/Headers", 403)]
    [InlineData("[/api/jobs*]", "/api/jobsXYZ", 200)]
    [InlineData("[\"*.json\"]", "/a/b.json", 200)]
    [InlineData("[\"*\"]", "/anything", 200)]
    [InlineData("[/a*b]", "/aXb", 403)]
    [InlineData("[/a*b]", "/a*b", 200)]
    [InlineData("[\"/a/{*}/c\"]", "/a/b/c", 200)]
    [InlineData("[\"/a/{*}/c\"]", "/a//c", 403)]
    [InlineData("[\"/a/{**}\"]", "/a/", 200)]
    [InlineData("[\"/a/{**}\"]", "/a", 403)]
    [InlineData("[\"/a/{**}/b\"]", "/a//b", 200)]
    [InlineData("[\"/a/{**}/b\"]", "/a/x/y/b", 200)]
    [InlineData("[\"/a/{**}/b\"]", "/a/b", 403)]
    public async Task Paths(string paths, string path, int status) =>
        Assert.Equal(status, await StatusAsync(Policy("ALLOW", $"  rules: [{{to: [{{operation: {{paths: {paths}}}}}]}}]"), MeshHarness.Request(path: path)));

    [Theory]
    [InlineData("[GET]", "GET", 200)]
    [InlineData("[get]", "GET", 403)]
    [InlineData("[\"*\"]", "DELETE", 200)]
    public async Task Methods_AreCaseSensitive(string methods, string method, int status) =>
        Assert.Equal(status, await StatusAsync(Policy("ALLOW", $"  rules: [{{to: [{{operation: {{methods: {methods}}}}}]}}]"), MeshHarness.Request(method: method)));

    [Theory]
    [InlineData("[example.com]", "EXAMPLE.com", 200)]
    [InlineData("[example.com]", "example.com:8080", 403)]
    [InlineData("[\"example.com\", \"example.com:*\"]", "example.com:8080", 200)]
    [InlineData("[\"*.example.com\"]", "a.example.com", 200)]
    public async Task Hosts_CaseInsensitiveWithPort(string hosts, string host, int status) =>
        Assert.Equal(status, await StatusAsync(Policy("ALLOW", $"  rules: [{{to: [{{operation: {{hosts: {hosts}}}}}]}}]"), MeshHarness.Request(host: host)));

    [Fact]
    public async Task Ports_MatchTheDestinationPort()
    {
        var yaml = Policy("ALLOW", "  rules: [{to: [{operation: {ports: [\"8000\"]}}]}]");
        Assert.Equal(200, await StatusAsync(yaml, MeshHarness.Request()));
        Assert.Equal(403, await StatusAsync(yaml, MeshHarness.Request() with { Port = 9000 }));
    }

    [Theory]
    [InlineData("*", "issuer-1", "sub-1", 200)]
    [InlineData("*", "issuer-1", null, 403)]
    [InlineData("issuer-1/sub-1", "issuer-1", "sub-1", 200)]
    [InlineData("issuer-1/*", "issuer-1", "anything", 200)]
    [InlineData("issuer-1/ab*", "issuer-1", "abc", 200)]
    [InlineData("*/sub-1", "other", "sub-1", 200)]
    [InlineData("*.example.com/sub-1", "https://a.example.com", "sub-1", 200)]
    [InlineData("https://accounts.google.com/1234", "https://accounts.google.com", "1234", 200)]
    [InlineData("issuer*", "issuer-1", "x", 200)]
    [InlineData("*sub", "x", "my-sub", 200)]
    [InlineData("issuer-1", "issuer-1", "sub-1", 403)]
    [InlineData("a/b/c", "a/b", "c", 200)]
    [InlineData("a/b/c", "a", "b/c", 403)]
    public async Task RequestPrincipals_SplitAtTheLastSlash(string pattern, string iss, string? sub, int status)
    {
        var issuer = iss;
        var yaml = $$$"""
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: ra, namespace: foo}
            spec:
              jwtRules: [{issuer: "{{{issuer}}}", jwks: '{{{s_key.Jwks}}}'}]
            """ + "\n---\n" + Policy("ALLOW", $"  rules: [{{from: [{{source: {{requestPrincipals: [\"{pattern}\"]}}}}]}}]");
        object claims = sub is null ? new { iss } : new { iss, sub };
        Assert.Equal(status, await StatusAsync(yaml, MeshHarness.Bearer(s_key.Sign(claims))));
    }

    [Theory]
    [InlineData("request.auth.claims[groups]", "[group1]", "{\"groups\": \"group1\"}", 200)]
    [InlineData("request.auth.claims[groups]", "[group1]", "{\"groups\": [\"group2\", \"group1\"]}", 200)]
    [InlineData("request.auth.claims[groups]", "[group1]", "{\"groups\": [1, \"group2\"]}", 403)]
    [InlineData("request.auth.claims[admin]", "[\"true\"]", "{\"admin\": true}", 403)]
    [InlineData("request.auth.claims[level]", "[\"5\"]", "{\"level\": 5}", 403)]
    [InlineData("request.auth.claims[nested][key]", "[v]", "{\"nested\": {\"key\": \"v\"}}", 200)]
    [InlineData("request.auth.claims[nested.key]", "[v]", "{\"nested\": {\"key\": \"v\"}}", 403)]
    [InlineData("request.auth.claims[nested.key]", "[v]", "{\"nested.key\": \"v\"}", 200)]
    [InlineData("request.auth.claims[scope]", "[read]", "{\"scope\": \"read write\"}", 200)]
    [InlineData("request.auth.claims[scope]", "[\"read write\"]", "{\"scope\": \"read write\"}", 403)]
    [InlineData("request.auth.claims[other]", "[\"read write\"]", "{\"other\": \"read write\"}", 200)]
    [InlineData("request.auth.claims[groups]", "[\"*\"]", "{\"groups\": \"\"}", 403)]
    [InlineData("request.auth.audiences", "[bar]", "{\"aud\": [\"foo\", \"bar\"]}", 200)]
    [InlineData("request.auth.presenter", "[client-*]", "{\"azp\": \"client-1\"}", 200)]
    public async Task Claims_MatchOnlyStringsAndStringElements(string key, string values, string claimsJson, int status)
    {
        var claims = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object>>(claimsJson)!;
        claims["iss"] = "issuer-1";
        var yaml = Ra + "\n---\n" + Policy("ALLOW", $"  rules: [{{when: [{{key: \"{key}\", values: {values}}}]}}]");
        Assert.Equal(status, await StatusAsync(yaml, MeshHarness.Bearer(s_key.Sign(claims))));
    }

    [Fact]
    public async Task NotFields_AreTrueForMissingAttributes()
    {
        // DENY notRequestPrincipals ["*"]: the "require a JWT" idiom rejects anonymous requests.
        var requireJwt = Ra + "\n---\n" + Policy("DENY", "  rules: [{from: [{source: {notRequestPrincipals: [\"*\"]}}]}]");
        Assert.Equal(403, await StatusAsync(requireJwt, MeshHarness.Request()));
        Assert.Equal(200, await StatusAsync(requireJwt, MeshHarness.Bearer(s_key.Sign(new { iss = "issuer-1", sub = "s" }))));

        // A request without the header matches notValues (so this DENY denies it).
        var header = Policy("DENY", "  rules: [{when: [{key: \"request.headers[x-token]\", notValues: [admin]}]}]");
        Assert.Equal(403, await StatusAsync(header, MeshHarness.Request()));
        Assert.Equal(200, await StatusAsync(header, MeshHarness.Request(headers: ("x-token", "admin"))));

        // notPrincipals matches plaintext traffic; principals never does.
        Assert.Equal(403, await StatusAsync(Policy("DENY", "  rules: [{from: [{source: {notPrincipals: [\"cluster.local/ns/foo/sa/sleep\"]}}]}]"), MeshHarness.Request()));
        Assert.Equal(403, await StatusAsync(Policy("ALLOW", "  rules: [{from: [{source: {principals: [\"*\"]}}]}]"), MeshHarness.Request()));
    }

    [Fact]
    public async Task SourceIdentity_FromMtlsPrincipal()
    {
        var request = MeshHarness.Request() with { SourcePrincipal = "cluster.local/ns/sleep/sa/sleep" };
        Assert.Equal(200, await StatusAsync(Policy("ALLOW", "  rules: [{from: [{source: {principals: [\"cluster.local/ns/sleep/sa/sleep\"]}}]}]"), request));
        Assert.Equal(200, await StatusAsync(Policy("ALLOW", "  rules: [{from: [{source: {principals: [\"*/sa/sleep\"]}}]}]"), request));
        Assert.Equal(200, await StatusAsync(Policy("ALLOW", "  rules: [{from: [{source: {namespaces: [sleep]}}]}]"), request));
        Assert.Equal(403, await StatusAsync(Policy("ALLOW", "  rules: [{from: [{source: {namespaces: [foo]}}]}]"), request));
        Assert.Equal(200, await StatusAsync(Policy("ALLOW", "  rules: [{from: [{source: {serviceAccounts: [sleep/sleep]}}]}]"), request));
        Assert.Equal(200, await StatusAsync(Policy("ALLOW", "  rules: [{from: [{source: {trustDomains: [cluster.local]}}]}]"), request));
    }

    [Fact]
    public async Task IpBlocks_AndHeaderDuplicatesJoined()
    {
        var request = MeshHarness.Request(headers: [("x-a", "1"), ("x-a", "2")]) with { SourceIp = System.Net.IPAddress.Parse("10.1.2.3") };
        Assert.Equal(200, await StatusAsync(Policy("ALLOW", "  rules: [{from: [{source: {ipBlocks: [10.0.0.0/8]}}]}]"), request));
        Assert.Equal(403, await StatusAsync(Policy("ALLOW", "  rules: [{from: [{source: {ipBlocks: [192.168.0.1]}}]}]"), request));
        Assert.Equal(200, await StatusAsync(Policy("ALLOW", "  rules: [{when: [{key: \"request.headers[x-a]\", values: [\"1,2\"]}]}]"), request));
    }

    [Fact]
    public async Task StarOnAHeader_IsPresentMatch_SoAnEmptyValueMatchesAndOnlyAMissingHeaderFails()
    {
        // Istio's matcher.HeaderMatcher turns a bare "*" into Envoy's present_match (hosts, methods, request.headers).
        var allow = Policy("ALLOW", "  rules: [{when: [{key: \"request.headers[x-token]\", values: [\"*\"]}]}]");
        Assert.Equal(200, await StatusAsync(allow, MeshHarness.Request(headers: ("x-token", ""))));
        Assert.Equal(403, await StatusAsync(allow, MeshHarness.Request()));

        var deny = Policy("DENY", "  rules: [{when: [{key: \"request.headers[x-token]\", notValues: [\"*\"]}]}]");
        Assert.Equal(200, await StatusAsync(deny, MeshHarness.Request(headers: ("x-token", ""))));
        Assert.Equal(403, await StatusAsync(deny, MeshHarness.Request()));

        // Paths keep the "*" = non-empty regex (.+) of matcher.StringMatcher.
        Assert.Equal(200, await StatusAsync(Policy("ALLOW", "  rules: [{to: [{operation: {hosts: [\"*\"], methods: [\"*\"], paths: [\"*\"]}}]}]"), MeshHarness.Request(host: "")));
    }

    [Fact]
    public async Task RuleFormula_FromOrToOrFieldsAndWhenAnd()
    {
        var yaml = Policy("ALLOW", """
              rules:
              - to:
                - operation: {methods: [GET], paths: [/a]}
                - operation: {methods: [POST]}
                when:
                - {key: "request.headers[x-a]", values: ["1"]}
            """);
        Assert.Equal(200, await StatusAsync(yaml, MeshHarness.Request(path: "/a", headers: ("x-a", "1"))));
        Assert.Equal(200, await StatusAsync(yaml, MeshHarness.Request(path: "/b", method: "POST", headers: ("x-a", "1"))));
        Assert.Equal(403, await StatusAsync(yaml, MeshHarness.Request(path: "/b", headers: ("x-a", "1"))));
        Assert.Equal(403, await StatusAsync(yaml, MeshHarness.Request(path: "/a")));
    }

    [Fact]
    public async Task Applicability_RootNamespaceAndSelector()
    {
        Assert.Equal(403, await StatusAsync(Policy("DENY", "  rules: [{}]", ns: "istio-system", selector: string.Empty), MeshHarness.Request()));
        Assert.Equal(200, await StatusAsync(Policy("DENY", "  rules: [{}]", ns: "bar", selector: string.Empty), MeshHarness.Request()));
        Assert.Equal(200, await StatusAsync(Policy("DENY", "  rules: [{}]", selector: "selector: {matchLabels: {app: other}}"), MeshHarness.Request()));
        Assert.Equal(403, await StatusAsync(Policy("DENY", "  rules: [{}]", selector: "selector: {matchLabels: {version: v1}}"), MeshHarness.Request()));
    }

    [Fact]
    public async Task Custom_IsReportedBeforeJwt_AndUnknownProviderFailsClosed()
    {
        var mesh = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: istio, namespace: istio-system}
            data:
              mesh: |
                extensionProviders:
                - name: ext-authz
                  envoyExtAuthzHttp: {service: ext-authz.foo.svc.cluster.local, port: 8000}
            """;
        var custom = Policy("CUSTOM", "  provider: {name: ext-authz}\n  rules: [{to: [{operation: {paths: [/headers]}}]}]");
        var reported = await new MeshHarness(mesh + "\n---\n" + custom).EvaluateAsync("foo:app=httpbin", MeshHarness.Request(path: "/headers"));
        Assert.Equal(200, reported.Status);
        Assert.Equal("ext-authz", reported.Custom!.ProviderName);
        Assert.Null((await new MeshHarness(mesh + "\n---\n" + custom).EvaluateAsync("foo:app=httpbin", MeshHarness.Request(path: "/ip"))).Custom);

        var unknown = Policy("CUSTOM", "  provider: {name: nobody}\n  rules: [{to: [{operation: {paths: [/headers]}}]}]");
        var failClosed = await new MeshHarness(mesh + "\n---\n" + unknown).EvaluateAsync("foo:app=httpbin", MeshHarness.Request(path: "/headers"));
        Assert.Equal(403, failClosed.Status);
        Assert.Equal("RBAC: access denied", failClosed.Body);
    }

    [Theory]
    [InlineData("ext-authz", 200, "ext-authz")]
    [InlineData("grpc-authz", 200, "grpc-authz")]
    [InlineData("zipkin", 403, null)]
    [InlineData("nobody", 403, null)]
    public async Task CustomProvider_IsReportedInCheckOutputOnlyWhenExtAuthzIsReallyCalled(string provider, int status, string? reported)
    {
        // builder.go getExtAuthz: an unknown or non-ext_authz provider gets DENY rules (getBadCustomDenyRules), no check.
        var mesh = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: istio, namespace: istio-system}
            data:
              mesh: |
                extensionProviders:
                - name: ext-authz
                  envoyExtAuthzHttp: {service: ext-authz.foo.svc.cluster.local, port: 8000}
                - name: grpc-authz
                  envoyExtAuthzGrpc: {service: ext-authz.foo.svc.cluster.local, port: 9000}
                - name: zipkin
                  zipkin: {service: zipkin.istio-system.svc.cluster.local, port: 9411}
            """;
        var custom = Policy("CUSTOM", $"  provider: {{name: {provider}}}\n  rules: [{{to: [{{operation: {{paths: [/headers]}}}}]}}]");
        var result = await new MeshHarness(mesh + "\n---\n" + custom).EvaluateAsync("foo:app=httpbin", MeshHarness.Request(path: "/headers"));
        Assert.Equal(status, result.Status);
        Assert.Equal(status == 403 ? "RBAC: access denied" : string.Empty, result.Body);

        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            AspireAuth.Mesh.Check.CheckOutput.Write(writer, result);
        }

        using var json = System.Text.Json.JsonDocument.Parse(buffer.ToArray());
        Assert.Equal(reported, json.RootElement.TryGetProperty("customProvider", out var name) ? name.GetString() : null);
    }

    [Fact]
    public async Task AuthorizationRunsBeforeRouting_So403BeatsNoRoute()
    {
        var yaml = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: istio-system}
            spec:
              selector: {istio: ingressgateway}
              servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: deny-admin, namespace: istio-system}
            spec:
              action: DENY
              rules: [{to: [{operation: {paths: [/admin]}}]}]
            """;
        var mesh = new MeshHarness(yaml);
        Assert.Equal(403, (await mesh.EvaluateAsync("istio-system:istio=ingressgateway", MeshHarness.Request(path: "/admin"))).Status);
        var noRoute = await mesh.EvaluateAsync("istio-system:istio=ingressgateway", MeshHarness.Request(path: "/x"));
        Assert.Equal(404, noRoute.Status);
        Assert.Equal(string.Empty, noRoute.Body);
    }
}
