using AspireAuth.Mesh.Authentication;
using AspireAuth.Mesh.Evaluation;
using AspireAuth.Mesh.Loading;
using AspireAuth.Mesh.Model;

namespace AspireAuth.Manifests.Tests;

public sealed class RenderTests
{
    [Fact]
    public void MissingValues_StayMarkedPlaceholders_AndStrictRefuses()
    {
        var bundle = BundleFixture.Render(values: null);
        Assert.Equal(["CLIENT_SECRET", "COOKIE_SECRET", "INGRESS_PORT", "KEYCLOAK_ADDR", "KEYCLOAK_ADMIN_PASSWORD", "UI_HOST", "URL"], bundle.Placeholders);
        var all = string.Concat(bundle.Files.Select(f => f.Content));
        Assert.Contains("issuer: http://${KEYCLOAK_ADDR}/realms/istio", all, StringComparison.Ordinal);
        Assert.Contains("client-secret: ${CLIENT_SECRET}", all, StringComparison.Ordinal);
        Assert.DoesNotContain("chatqna-local-secret", all, StringComparison.Ordinal);
        Assert.Contains("**placeholder `${KEYCLOAK_ADDR}`: fill in**", bundle.Files.Single(f => f.Path == "README.md").Content, StringComparison.Ordinal);

        var ex = Assert.Throws<InvalidOperationException>(() => BundleFixture.Render(values: null, strict: true));
        Assert.Contains("KEYCLOAK_ADDR", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsDeterministic_AndListsEveryResourceInTheKustomization()
    {
        var first = BundleFixture.Render();
        var second = BundleFixture.Render();
        Assert.Equal(first.Files, second.Files);
        var kustomization = first.Files.Single(f => f.Path == "kustomization.yaml").Content;
        foreach (var file in first.Files.Where(f => f.Path.EndsWith(".yaml", StringComparison.Ordinal) && f.Path is not ("kustomization.yaml" or "istio-operator-overlay.yaml")))
        {
            Assert.Contains($"- {file.Path}\n", kustomization, StringComparison.Ordinal);
        }

        Assert.Contains("image: registry.example.com/aspireauth/chatqnastub:1.0.0", first.Files.Single(f => f.Path == "10-services.yaml").Content, StringComparison.Ordinal);
        Assert.Contains("client-secret: cluster-client-secret", first.Files.Single(f => f.Path == "30-oauth2-proxy.yaml").Content, StringComparison.Ordinal);
    }

    [Fact]
    public void NamespaceOption_MovesTheApplicationAndItsPolicies()
    {
        var bundle = BundleFixture.Render(ns: "genai");
        var all = string.Concat(bundle.Files.Select(f => f.Content));
        Assert.DoesNotContain("namespace: chatqa\n", all, StringComparison.Ordinal);
        Assert.Contains("host: chatqna.genai.svc.cluster.local", all, StringComparison.Ordinal);
        Assert.Contains("namespace: genai", bundle.Files.Single(f => f.Path == "istio/chatQnA_authZ_keycloak.yaml").Content, StringComparison.Ordinal);
    }

    /// <summary>
    /// The rendered policies decide as the local ones do: the same walkthrough requests, local tokens against config/ with
    /// local values, cluster tokens against the bundle.
    /// </summary>
    [Fact]
    public async Task RenderedPolicies_DecideLikeTheLocalOnes()
    {
        var bundle = BundleFixture.Render();
        var folder = Directory.CreateTempSubdirectory("bundle-").FullName;
        bundle.WriteTo(folder);
        var cluster = new MeshSnapshot(MeshConfigLoader.Load([Path.Combine(folder, "istio")]));
        var local = new MeshSnapshot(MeshConfigLoader.Load([Path.Combine(BundleFixture.ConfigRoot, "istio")],
            new Dictionary<string, string> { ["KEYCLOAK_ADDR"] = "localhost:8180", ["REALM"] = "istio" }));

        var key = TestTokens.Generate("kc");
        var jwks = new FixedJwks(key.Jwks);
        var evaluator = new MeshEvaluator(new RequestAuthenticator(jwks, new VerifiedTokenCache()));
        var workload = Workload.Parse("chatqa:app=chatqna,version=v1");
        string Token(string issuerHost, string user, string role) =>
            key.Sign(new { iss = $"http://{issuerHost}/realms/istio", sub = user, preferred_username = user, realm_access = new { roles = new[] { role } }, exp = 4_000_000_000 });

        foreach (var (user, role) in new[] { ("mary", "user"), ("bob", "viewer"), ("mary", "viewer") })
        {
            var localDecision = await evaluator.EvaluateAsync(local, workload, Request(Token("localhost:8180", user, role)), DateTimeOffset.UtcNow, false, TestContext.Current.CancellationToken);
            var clusterDecision = await evaluator.EvaluateAsync(cluster, workload, Request(Token("keycloak.example.com:31504", user, role)), DateTimeOffset.UtcNow, false, TestContext.Current.CancellationToken);
            Assert.Equal(localDecision.Status, clusterDecision.Status);
            Assert.Equal(localDecision.Body, clusterDecision.Body);
        }

        Assert.Equal(200, (await evaluator.EvaluateAsync(cluster, workload, Request(Token("keycloak.example.com:31504", "mary", "user")), DateTimeOffset.UtcNow, false, TestContext.Current.CancellationToken)).Status);
        Assert.Equal(403, (await evaluator.EvaluateAsync(cluster, workload, Request(null), DateTimeOffset.UtcNow, false, TestContext.Current.CancellationToken)).Status);
    }

    private static MeshRequest Request(string? token)
    {
        var headers = new RequestHeaders();
        if (token is not null)
        {
            headers.Add("authorization", "Bearer " + token);
        }

        return new MeshRequest { Host = "chatqna.chatqa:8888", Path = "/v1/chatqna", Method = "POST", Headers = headers };
    }

    /// <summary>The same key set for every jwksUri (local and cluster issuers are served by the same Keycloak realm).</summary>
    private sealed class FixedJwks(string json) : IJwksProvider
    {
        private readonly JwksKeys _keys = JwksKeys.Parse(json, 1);

        public ValueTask<JwksKeys> GetKeysAsync(JwtRule rule, string? unknownKid, CancellationToken cancellationToken) => ValueTask.FromResult(_keys);
    }
}
