namespace AspireAuth.Mesh.Tests.Scenarios;

/// <summary>
/// OPEA's fake-JWT flow (chatQnA_authN_fakejwt.yaml + chatQnA_authZ_fakejwt.yaml) with Istio's own sample key and
/// tokens: group1 allowed, group2 and no token 403 "RBAC: access denied".
/// </summary>
public sealed class OpeaFakeJwtTests
{
    private static readonly string s_yaml = $$$"""
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata: {name: fake-jwt-example, namespace: chatqa}
        spec:
          selector: {matchLabels: {app: chatqna}}
          jwtRules:
          - issuer: testing@secure.istio.io
            jwks: '{{{Fixtures.Read("jwks.json").Replace("\n", string.Empty, StringComparison.Ordinal)}}}'
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: fake-jwt-example, namespace: chatqa}
        spec:
          selector: {matchLabels: {app: chatqna}}
          action: ALLOW
          rules:
          - from: [{source: {requestPrincipals: ["testing@secure.istio.io/testing@secure.istio.io"]}}]
            when: [{key: "request.auth.claims[groups]", values: ["group1"]}]
        """;

    private readonly MeshHarness _mesh = new(s_yaml);

    [Fact]
    public async Task Group1_IsAllowed()
    {
        var result = await _mesh.EvaluateAsync("chatqa:app=chatqna", MeshHarness.Bearer(TestTokens.IstioToken(new() { ["groups"] = "group1" })));
        Assert.Equal(200, result.Status);
        Assert.True(result.Forwarded);
        Assert.False(result.UpstreamHeaders.Contains("authorization"));
    }

    [Fact]
    public async Task Group2_Is403RbacAccessDenied_WithReason()
    {
        var result = await _mesh.EvaluateAsync("chatqa:app=chatqna", MeshHarness.Bearer(TestTokens.IstioToken(new() { ["groups"] = "group2" })));
        Assert.Equal(403, result.Status);
        Assert.Equal("RBAC: access denied", result.Body);
        Assert.Contains("request.auth.claims[groups] wanted [group1], request had group2", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoToken_Is403()
    {
        var result = await _mesh.EvaluateAsync("chatqa:app=chatqna", MeshHarness.Request());
        Assert.Equal(403, result.Status);
        Assert.Equal("RBAC: access denied", result.Body);
    }

    [Theory]
    [InlineData("demo.jwt")]
    [InlineData("groups-scope.jwt")]
    public async Task IstioSampleTokens_AreAcceptedBySignature(string file)
    {
        var result = await _mesh.EvaluateAsync("chatqa:app=chatqna", MeshHarness.Bearer(Fixtures.Read(file)));
        Assert.True(result.Authentication!.Passed, result.Summary);
        Assert.Equal(TestTokens.IstioIssuer, result.Authentication.Claims!.Subject);
    }

    [Fact]
    public async Task GroupsScopeToken_GroupsListContainsGroup1_IsAllowed()
    {
        var result = await _mesh.EvaluateAsync("chatqa:app=chatqna", MeshHarness.Bearer(Fixtures.Read("groups-scope.jwt")));
        Assert.Equal(200, result.Status);
    }

    [Fact]
    public async Task OtherWorkload_IsNotSelected()
    {
        var result = await _mesh.EvaluateAsync("chatqa:app=other", MeshHarness.Request());
        Assert.Equal(200, result.Status);
    }

    [Fact]
    public async Task TamperedSignature_Is401()
    {
        var token = TestTokens.IstioToken(new() { ["groups"] = "group1" });
        var forged = TestTokens.Generate(TestTokens.IstioKid).Sign(new { iss = TestTokens.IstioIssuer, sub = TestTokens.IstioIssuer, groups = "group1" });
        Assert.NotEqual(token, forged);
        var result = await _mesh.EvaluateAsync("chatqa:app=chatqna", MeshHarness.Bearer(forged));
        Assert.Equal(401, result.Status);
        Assert.Equal("Jwt verification fails", result.Body);
    }
}
