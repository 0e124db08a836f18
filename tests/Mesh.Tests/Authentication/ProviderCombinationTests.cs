using AspireAuth.Mesh.Authentication;
using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Tests.Authentication;

/// <summary>Several rules and policies (A.1) and JWKS that cannot be fetched (A.2).</summary>
public sealed class ProviderCombinationTests
{
    private static readonly TestTokens s_one = TestTokens.Generate("k1");
    private static readonly TestTokens s_two = TestTokens.Generate("k2");

    /// <summary>One RequestAuthentication <c>foo/a</c> for every workload of foo, with these <c>jwtRules</c> items.</summary>
    private static MeshHarness JwtRules(string rules) => new($$"""
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata: {name: a, namespace: foo}
        spec:
          jwtRules:
        {{rules}}
        """);

    [Fact]
    public async Task LooserRuleForTheSameIssuer_RelaxesTheStricterOne()
    {
        var mesh = new MeshHarness($$$"""
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: a, namespace: foo}
            spec:
              jwtRules: [{issuer: issuer-2, audiences: [bar], jwks: '{{{s_two.Jwks}}}'}]
            ---
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: b, namespace: foo}
            spec:
              jwtRules: [{issuer: issuer-2, jwks: '{{{s_two.Jwks}}}'}]
            """);
        var result = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Bearer(s_two.Sign(new { iss = "issuer-2", sub = "x" })));
        Assert.Equal(200, result.Status);
    }

    [Fact]
    public async Task TwoIssuers_EachTokenVerifiedByItsOwnRule_UnknownIssuerRejected()
    {
        var mesh = new MeshHarness($$$"""
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: root-wide, namespace: istio-system}
            spec:
              jwtRules: [{issuer: issuer-1, jwks: '{{{s_one.Jwks}}}'}]
            ---
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: ns, namespace: foo}
            spec:
              selector: {matchLabels: {app: a}}
              jwtRules: [{issuer: issuer-2, jwks: '{{{s_two.Jwks}}}'}]
            """);
        Assert.Equal(200, (await mesh.EvaluateAsync("foo:app=a", MeshHarness.Bearer(s_one.Sign(new { iss = "issuer-1" })))).Status);
        Assert.Equal(200, (await mesh.EvaluateAsync("foo:app=a", MeshHarness.Bearer(s_two.Sign(new { iss = "issuer-2" })))).Status);
        var unknown = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Bearer(s_two.Sign(new { iss = "issuer-3" })));
        Assert.Equal(401, unknown.Status);
        Assert.Equal("Jwt issuer is not configured", unknown.Body);

        // issuer-2's rule does not select app=b, so its token is an unknown issuer there.
        Assert.Equal("Jwt issuer is not configured", (await mesh.EvaluateAsync("foo:app=b", MeshHarness.Bearer(s_two.Sign(new { iss = "issuer-2" })))).Body);
    }

    [Fact]
    public async Task TwoValidTokensForTwoRules_TheFirstProviderThatVerifiesDecides_LaterTokensStayUntouched()
    {
        // Envoy's AnyVerifier completes at the first provider (origins-i, sorted by issuer) that verifies.
        var mesh = JwtRules($$$"""
              - {issuer: issuer-2, jwks: '{{{s_two.Jwks}}}', fromHeaders: [{name: x-token-2}], outputClaimToHeaders: [{header: x-sub-2, claim: sub}]}
              - {issuer: issuer-1, jwks: '{{{s_one.Jwks}}}', outputClaimToHeaders: [{header: x-sub-1, claim: sub}]}
            """);
        var request = MeshHarness.Request(headers: [
            ("authorization", "Bearer " + s_one.Sign(new { iss = "issuer-1", sub = "one" })),
            ("x-token-2", s_two.Sign(new { iss = "issuer-2", sub = "two" })),
        ]);
        var result = await mesh.EvaluateAsync("foo:app=a", request);
        Assert.Equal(200, result.Status);
        Assert.Equal("one", result.Authentication!.Claims!.Subject);
        Assert.False(result.UpstreamHeaders.Contains("authorization"));
        Assert.Equal("one", Assert.Single(result.UpstreamHeaders.GetValues("x-sub-1")));
        Assert.True(result.UpstreamHeaders.Contains("x-token-2"), "issuer-2's provider never ran, so its token stays");
        Assert.False(result.UpstreamHeaders.Contains("x-sub-2"));
    }

    [Fact]
    public async Task OutputHeaders_AreStrippedByEachProviderThatRuns_SoALaterProvidersSpoofedHeaderSurvives()
    {
        // ProviderVerifierImpl::verify sanitizes its provider's output headers just before verifying; after the first
        // success no later provider runs, as in Envoy.
        var mesh = JwtRules($$$"""
              - {issuer: issuer-1, jwks: '{{{s_one.Jwks}}}', outputPayloadToHeader: x-payload-1}
              - {issuer: issuer-2, jwks: '{{{s_two.Jwks}}}', fromHeaders: [{name: x-token-2}], outputPayloadToHeader: x-payload-2}
            """);
        var verified = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Request(headers: [
            ("authorization", "Bearer " + s_one.Sign(new { iss = "issuer-1", sub = "one" })),
            ("x-payload-1", "spoofed-1"),
            ("x-payload-2", "spoofed-2"),
        ]));
        Assert.Equal(200, verified.Status);
        Assert.NotEqual("spoofed-1", Assert.Single(verified.UpstreamHeaders.GetValues("x-payload-1")));
        Assert.Equal("spoofed-2", Assert.Single(verified.UpstreamHeaders.GetValues("x-payload-2")));

        var anonymous = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Request(headers: [("x-payload-1", "spoofed-1"), ("x-payload-2", "spoofed-2")]));
        Assert.Equal(200, anonymous.Status);
        Assert.False(anonymous.UpstreamHeaders.Contains("x-payload-1"));
        Assert.False(anonymous.UpstreamHeaders.Contains("x-payload-2"));
    }

    [Fact]
    public async Task SeveralFailures_AnyVerifierFold_LaterRealErrorWinsOverAnEarlierUnknownIssuer()
    {
        // Children: origins-0 unknown issuer, origins-1 expired, origins-2 bad format, requires_all = origins-0's status.
        var three = TestTokens.Generate("k3");
        var mesh = JwtRules($$$"""
              - {issuer: issuer-a, jwks: '{{{s_one.Jwks}}}'}
              - {issuer: issuer-b, jwks: '{{{s_two.Jwks}}}', fromHeaders: [{name: x-b}]}
              - {issuer: issuer-c, jwks: '{{{three.Jwks}}}', fromHeaders: [{name: x-c}]}
            """);
        var request = MeshHarness.Request(headers: [
            ("authorization", "Bearer " + s_one.Sign(new { iss = "someone-else" })),
            ("x-b", s_two.Sign(new { iss = "issuer-b", exp = 1 })),
            ("x-c", "garbage"),
        ]);
        var result = await mesh.EvaluateAsync("foo:app=a", request);
        Assert.Equal(401, result.Status);
        Assert.Equal("Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections", result.Body);
    }

    [Fact]
    public async Task JwksUriThatCannotBeFetched_RejectsEveryTokenOfThatIssuer()
    {
        var mesh = new MeshHarness("""
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: a, namespace: foo}
            spec:
              jwtRules: [{issuer: issuer-1, jwksUri: "http://127.0.0.1:1/jwks.json", timeout: 1s}]
            """, new HttpJwksProvider(new HttpClient()));
        var result = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Bearer(s_one.Sign(new { iss = "issuer-1" })));
        Assert.Equal(401, result.Status);
        Assert.Equal("Jwt verification fails", result.Body);
        Assert.Contains("JWKS unavailable: http://127.0.0.1:1/jwks.json: Connection refused", result.Summary, StringComparison.Ordinal);
        Assert.Equal(200, (await mesh.EvaluateAsync("foo:app=a", MeshHarness.Request())).Status);
    }

    [Fact]
    public async Task JwksUriWithALocalFile_IsAnsweredFromTheFile_AndAMissingFileIsExplained()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("jwks-").FullName, "jwks.json");
        await File.WriteAllTextAsync(file, s_one.Jwks, TestContext.Current.CancellationToken);
        const string Config = """
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: a, namespace: foo}
            spec:
              jwtRules: [{issuer: issuer-1, jwksUri: "http://127.0.0.1:1/jwks.json", timeout: 1s}]
            """;
        var token = MeshHarness.Bearer(s_one.Sign(new { iss = "issuer-1" }));
        var files = JwksFileMap.Parse([$"http://127.0.0.1:1/jwks.json={file}"], "test", out var errors);
        Assert.Empty(errors);

        var mesh = new MeshHarness(Config, new HttpJwksProvider(new HttpClient()) { LocalFiles = files });
        Assert.Equal(200, (await mesh.EvaluateAsync("foo:app=a", token)).Status);

        File.Delete(file);
        var fresh = new MeshHarness(Config, new HttpJwksProvider(new HttpClient()) { LocalFiles = files });
        var result = await fresh.EvaluateAsync("foo:app=a", token);
        Assert.Equal(401, result.Status);
        Assert.Contains($"JWKS unavailable: http://127.0.0.1:1/jwks.json: Could not find file '{file}'", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void JwksFileMap_NamesEveryBadEntry()
    {
        JwksFileMap.Parse(["no-equals", "ftp://x/jwks=/etc/hostname", "http://x/jwks=/does/not/exist"], "--jwks-file", out var errors);
        Assert.Equal(
        [
            "--jwks-file[0]: expected <jwksUri>=<file>, got 'no-equals'",
            "--jwks-file[1]: 'ftp://x/jwks' is not an http(s) URI",
            "--jwks-file[2]: file '/does/not/exist' (for http://x/jwks) does not exist",
        ], errors);
    }

    [Fact]
    public async Task TargetRefPolicies_AreIgnoredBySidecarsAndClassicGateways()
    {
        var mesh = new MeshHarness($$$"""
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: a, namespace: foo}
            spec:
              targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: gw}]
              jwtRules: [{issuer: issuer-1, jwks: '{{{s_one.Jwks}}}'}]
            """);
        Assert.Equal(200, (await mesh.EvaluateAsync("foo:app=a", MeshHarness.Bearer("garbage"))).Status);
        Assert.Empty(mesh.Snapshot.For(Workload.Parse("foo:app=a")).JwtProviders);
    }
}
