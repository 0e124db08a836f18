namespace AspireAuth.Mesh.Tests.Scenarios;

/// <summary>OPEA's Keycloak policies (chatQnA_authN_keycloak.yaml + chatQnA_authZ_keycloak.yaml), placeholders substituted.</summary>
public sealed class OpeaKeycloakTests
{
    private const string Yaml = """
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata: {name: jwt-keycloak, namespace: chatqa}
        spec:
          selector: {matchLabels: {app: chatqna}}
          jwtRules:
          - issuer: http://${KEYCLOAK_ADDR}/realms/${REALM}
            jwks: '${JWKS}'
            outputPayloadToHeader: jwt-parsed
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: router, namespace: chatqa}
        spec:
          selector: {matchLabels: {app: chatqna}}
          action: ALLOW
          rules:
          - when:
            - key: request.auth.claims[iss]
              values: ['http://${KEYCLOAK_ADDR}/realms/istio']
            - key: request.auth.claims[preferred_username]
              values: ['mary']
            - key: request.auth.claims[realm_access][roles]
              values: ['user']
        """;

    private static readonly TestTokens s_keycloak = TestTokens.Generate("kc-1");
    private const string Issuer = "http://localhost:8180/realms/istio";

    private readonly MeshHarness _mesh = new(Yaml, variables: new Dictionary<string, string>
    {
        ["KEYCLOAK_ADDR"] = "localhost:8180",
        ["REALM"] = "istio",
        ["JWKS"] = s_keycloak.Jwks,
    });

    private static string Token(string user, params string[] roles) => s_keycloak.Sign(new
    {
        iss = Issuer,
        sub = $"sub-{user}",
        preferred_username = user,
        exp = 1_900_000_000,
        realm_access = new { roles },
        typ = "Bearer",
    });

    [Fact]
    public async Task Mary_WithRoleUser_IsAllowed_AndPayloadForwardedInJwtParsed()
    {
        var token = Token("mary", "offline_access", "user");
        var result = await _mesh.EvaluateAsync("chatqa:app=chatqna", MeshHarness.Bearer(token));
        Assert.Equal(200, result.Status);
        Assert.Equal(token.Split('.')[1], Assert.Single(result.UpstreamHeaders.GetValues("jwt-parsed")));
    }

    [Fact]
    public async Task Bob_WithRoleViewer_Is403_NamingTheFailedCondition()
    {
        var result = await _mesh.EvaluateAsync("chatqa:app=chatqna", MeshHarness.Bearer(Token("bob", "viewer")));
        Assert.Equal(403, result.Status);
        Assert.Equal("RBAC: access denied", result.Body);
        Assert.Contains("request.auth.claims[preferred_username] wanted [mary], request had bob", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaryWithoutRoleUser_Is403_ReasonShowsTheRoles()
    {
        var result = await _mesh.EvaluateAsync("chatqa:app=chatqna", MeshHarness.Bearer(Token("mary", "viewer", "offline_access")));
        Assert.Equal(403, result.Status);
        Assert.Contains("request.auth.claims[realm_access][roles] wanted [user], request had [viewer, offline_access]", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoToken_Is403_AndSpoofedJwtParsedIsStripped()
    {
        var request = MeshHarness.Request(headers: ("jwt-parsed", "eyJzdWIiOiJhZG1pbiJ9"));
        var result = await _mesh.EvaluateAsync("chatqa:app=chatqna", request);
        Assert.Equal(403, result.Status);
        Assert.False(result.UpstreamHeaders.Contains("jwt-parsed"));
    }

    [Fact]
    public async Task ExpiredToken_Is401JwtIsExpired()
    {
        var expired = s_keycloak.Sign(new { iss = Issuer, sub = "m", preferred_username = "mary", exp = MeshHarness.Now.ToUnixTimeSeconds() - 61 });
        var result = await _mesh.EvaluateAsync("chatqa:app=chatqna", MeshHarness.Bearer(expired));
        Assert.Equal(401, result.Status);
        Assert.Equal("Jwt is expired", result.Body);
        Assert.Equal("Bearer realm=\"http://httpbin.foo:8000/\", error=\"invalid_token\"", result.ResponseHeaders["www-authenticate"]);
    }
}
