using AspireAuth.Mesh.Loading;

namespace AspireAuth.Mesh.Tests.Loading;

public sealed class ValidationTests
{
    [Fact]
    public void FiveIndependentMistakes_AreAllReported_NamingFileDocumentFieldAndValue()
    {
        var errors = MeshHarness.Errors("""
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: ra, namespace: foo}
            spec:
              jwtRules:
              - issuer: issuer-1
                jwksUri: ftp://example.com/jwks
                outputClaimToHeaders: [{header: "bad header", claim: sub}]
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: ap, namespace: foo}
            spec:
              action: ALLOWED
              rules:
              - to: [{operation: {ports: ["99999"]}}]
                when: [{key: destination.labels, values: [x]}]
            """);

        Assert.Equal(5, errors.Count);
        Assert.All(errors, e => Assert.Equal("bad.yaml", e.File));
        Assert.Contains(errors, e => e.Document == "RequestAuthentication/foo/ra" && e.Field == "spec.jwtRules[0].jwksUri" && e.Value == "ftp://example.com/jwks");
        Assert.Contains(errors, e => e.Document == "RequestAuthentication/foo/ra" && e.Field == "spec.jwtRules[0].outputClaimToHeaders[0].header" && e.Value == "bad header");
        Assert.Contains(errors, e => e.Document == "AuthorizationPolicy/foo/ap" && e.Field == "spec.action" && e.Value == "ALLOWED");
        Assert.Contains(errors, e => e.Field == "spec.rules[0].to[0].operation.ports" && e.Value == "99999");
        Assert.Contains(errors, e => e.Field == "spec.rules[0].when[0].key" && e.Value == "destination.labels");
        Assert.Contains("bad.yaml: AuthorizationPolicy/foo/ap: spec.action: must be one of ALLOW, DENY, AUDIT, CUSTOM (value: 'ALLOWED')", errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("spec: {action: DENY}", "spec.rules", "DENY action without rules is meaningless")]
    [InlineData("spec: {action: CUSTOM, rules: [{}]}", "spec.provider.name", "must be set for the CUSTOM action")]
    [InlineData("spec: {action: ALLOW, provider: {name: x}, rules: [{}]}", "spec.provider", "can only be set for the CUSTOM action")]
    [InlineData("spec: {rules: [{from: []}]}", "spec.rules[0].from", "must not be empty")]
    [InlineData("spec: {rules: [{from: [{source: {}}]}]}", "spec.rules[0].from[0].source", "source must not be empty")]
    [InlineData("spec: {rules: [{to: [{operation: {}}]}]}", "spec.rules[0].to[0].operation", "operation must not be empty")]
    [InlineData("spec: {rules: [{when: [{key: \"request.headers[x]\"}]}]}", "spec.rules[0].when[0]", "at least one of values or notValues must be set for key: request.headers[x]")]
    [InlineData("spec: {rules: [{when: [{key: foo.bar, values: [x]}]}]}", "spec.rules[0].when[0].key", "unknown attribute: foo.bar")]
    [InlineData("spec: {rules: [{from: [{source: {ipBlocks: [not-an-ip]}}]}]}", "spec.rules[0].from[0].source.ipBlocks", "is not a valid IP address or CIDR range")]
    [InlineData("spec: {action: CUSTOM, provider: {name: p}, rules: [{from: [{source: {requestPrincipals: [x]}}]}]}", "spec.rules[0].from[0].source.requestPrincipals", "identity fields (principals, requestPrincipals, namespaces, serviceAccounts, trustDomains) are not supported with the CUSTOM action")]
    [InlineData("spec: {rules: [{to: [{operation: {paths: [\"/a/{**}/{*}\"]}}]}]}", "spec.rules[0].to[0].operation.paths", "{**} must be the last operator in a path template")]
    [InlineData("spec: {rules: [{to: [{operation: {paths: [\"/a{*}\"]}}]}]}", "spec.rules[0].to[0].operation.paths", "an operator must be a whole path segment ({*} or {**}); no { or } elsewhere")]
    [InlineData("spec: {rules: [{from: [{source: {serviceAccounts: [\"a*\"]}}]}]}", "spec.rules[0].from[0].source.serviceAccounts", "wildcards are not allowed in service accounts")]
    [InlineData("spec: {rules: [{to: [{operation: {path: [/a]}}]}]}", "spec.rules[0].to[0].operation.path", "unknown field")]
    [InlineData("spec: {selector: {matchLabels: {a: b}}, targetRef: {kind: Gateway, name: g}, rules: [{}]}", "spec.targetRefs", "only one of selector or targetRef/targetRefs can be set")]
    public void AuthorizationPolicy_RejectsWhatIstiodRejects(string spec, string field, string message)
    {
        var errors = MeshHarness.Errors($"apiVersion: security.istio.io/v1beta1\nkind: AuthorizationPolicy\nmetadata: {{name: p, namespace: foo}}\n{spec}");
        Assert.Contains(errors, e => e.Field == field && e.Message == message);
    }

    [Theory]
    [InlineData("spec: {action: DENY, rules: []}", "spec.rules", "[]", "DENY action without rules is meaningless")]
    [InlineData("spec: {action: CUSTOM, provider: {name: p}, rules: []}", "spec.rules", "[]", "CUSTOM action without rules is meaningless")]
    [InlineData("spec: {selector: {matchLabels: {app: \"*\"}}, rules: [{}]}", "spec.selector.matchLabels.app", "app=*", "wildcard is not supported in selector")]
    [InlineData("spec: {selector: {matchLabels: {\"ap*\": x}}, rules: [{}]}", "spec.selector.matchLabels.ap*", "ap*=x", "wildcard is not supported in selector")]
    [InlineData("spec: {selector: {matchLabels: {\"\": x}}, rules: [{}]}", "spec.selector.matchLabels", "=x", "empty key is not supported in selector")]
    public void AuthorizationPolicy_EmptyRulesListAndSelectorWildcards_RejectedAsIstiodDoes(string spec, string field, string value, string message)
    {
        // An empty list decodes to a nil repeated field, which ValidateAuthorizationPolicy tests with `in.Rules == nil`.
        var errors = MeshHarness.Errors($"apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {{name: p, namespace: foo}}\n{spec}");
        var error = Assert.Single(errors);
        Assert.Equal(("bad.yaml", "AuthorizationPolicy/foo/p", field, value, message), (error.File, error.Document, error.Field, error.Value, error.Message));
    }

    [Fact]
    public void SelectorWildcard_IsRejectedForRequestAuthenticationToo()
    {
        var errors = MeshHarness.Errors("apiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata: {name: r, namespace: foo}\nspec: {selector: {matchLabels: {version: \"v*\"}}, jwtRules: [{issuer: a}]}");
        Assert.Contains(errors, e => e.Document == "RequestAuthentication/foo/r" && e.Field == "spec.selector.matchLabels.version" && e.Value == "version=v*");
    }

    [Theory]
    [InlineData("spec: {selector: {istio: ingressgateway}}", null)]
    [InlineData("spec: {selector: {istio: ingressgateway}, servers: []}", "[]")]
    public void Gateway_WithoutServers_IsRejected(string spec, string? value)
    {
        var error = Assert.Single(MeshHarness.Errors($"apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {{name: gw, namespace: istio-system}}\n{spec}"));
        Assert.Equal(("Gateway/istio-system/gw", "spec.servers", value, "gateway must have at least one server"), (error.Document, error.Field, error.Value, error.Message));
    }

    [Theory]
    [InlineData("jwtRules: [{jwks: x}]", "spec.jwtRules[0].issuer", "issuer or jwksUri must be set")]
    [InlineData("jwtRules: [{issuer: a, jwks: x}]", "spec.jwtRules[0].jwks", null)]
    [InlineData("jwtRules: [{issuer: a, jwksUri: 'http://x', jwks: '{\"keys\":[]}'}]", "spec.jwtRules[0].jwks", "only one of jwks or jwksUri can be set")]
    [InlineData("jwtRules: [{issuer: a, fromHeaders: [{prefix: 'Bearer '}]}]", "spec.jwtRules[0].fromHeaders[0].name", "location header name must be provided")]
    [InlineData("jwtRules: [{issuer: a, audiences: ['']}]", "spec.jwtRules[0].audiences[0]", "audience must be non-empty")]
    [InlineData("jwtRules: [{issuer: a, timeout: soon}]", "spec.jwtRules[0].timeout", "must be a duration such as 5s, 1.5s or 100ms")]
    [InlineData("jwtRules: [{issuer: a, issuers: b}]", "spec.jwtRules[0].issuers", "unknown field")]
    public void RequestAuthentication_RejectsWhatIstiodRejects(string spec, string field, string? message)
    {
        var errors = MeshHarness.Errors($"apiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata: {{name: r, namespace: foo}}\nspec: {{{spec}}}");
        Assert.Contains(errors, e => e.Field == field && (message is null || e.Message == message));
    }

    [Fact]
    public void UnknownKinds_AreIgnored_DefaultNamespace_AndEnvsubst()
    {
        var configuration = MeshConfigLoader.Parse([("a.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: x}
            spec: {whatever: true}
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: p}
            spec:
              rules: [{to: [{operation: {hosts: ["${HOST}:$PORT", "$UNSET"]}}]}]
            """)], new Dictionary<string, string> { ["HOST"] = "chatqna.localhost", ["PORT"] = "8080" });
        var policy = Assert.Single(configuration.AuthorizationPolicies);
        Assert.Equal("default", policy.Id.Namespace);
        Assert.Equal(["chatqna.localhost:8080", "$UNSET"], policy.Rules![0].To![0][0].Values);
    }

    [Fact]
    public void Folder_IsReadRecursively_AndDuplicatesAndYamlErrorsNameTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("mesh-config-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "sub"));
            var doc = "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: p, namespace: foo}\nspec: {rules: [{}]}\n";
            File.WriteAllText(Path.Combine(folder.FullName, "a.yaml"), doc);
            File.WriteAllText(Path.Combine(folder.FullName, "sub", "b.yml"), doc);
            File.WriteAllText(Path.Combine(folder.FullName, "sub", "c.yaml"), "a: [unclosed");
            File.WriteAllText(Path.Combine(folder.FullName, "ignored.txt"), "not yaml");
            var ex = Assert.Throws<ConfigValidationException>(() => MeshConfigLoader.Load([folder.FullName]));
            Assert.Equal(2, ex.Errors.Count);
            Assert.Contains(ex.Errors, e => e.File.EndsWith("b.yml", StringComparison.Ordinal) && e.Message.Contains("already defined", StringComparison.Ordinal));
            Assert.Contains(ex.Errors, e => e.File.EndsWith("c.yaml", StringComparison.Ordinal) && e.Message.StartsWith("invalid YAML", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void MeshConfig_FromConfigMapOrBareDocument()
    {
        var fromConfigMap = MeshConfigLoader.Parse([("m.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: istio, namespace: istio-system}
            data:
              mesh: |-
                accessLogFile: /dev/stdout
                rootNamespace: mesh-root
                extensionProviders:
                - name: oauth2-proxy
                  envoyExtAuthzHttp:
                    service: oauth-proxy.oauth2-proxy.svc.cluster.local
                    port: 4180
                    timeout: 1.5s
                    includeRequestHeadersInCheck: ["authorization", "cookie"]
                    headersToUpstreamOnAllow: ["authorization", "x-auth-request-user"]
                    headersToDownstreamOnDeny: ["content-type", "set-cookie"]
            """)]).MeshConfig;
        Assert.Equal("mesh-root", fromConfigMap.RootNamespace);
        var provider = fromConfigMap.ExtensionProviders["oauth2-proxy"];
        Assert.Equal(TimeSpan.FromSeconds(1.5), provider.Timeout);
        Assert.Equal(4180, provider.Port);
        Assert.Equal(["content-type", "set-cookie"], provider.HeadersToDownstreamOnDeny);

        var bare = MeshConfigLoader.Parse([("m.yaml", "extensionProviders:\n- name: p\n  envoyExtAuthzHttp: {service: s, port: 1, failOpen: true}")]).MeshConfig;
        Assert.True(bare.ExtensionProviders["p"].FailOpen);
        Assert.Equal(TimeSpan.FromSeconds(600), bare.ExtensionProviders["p"].Timeout);
    }
}
