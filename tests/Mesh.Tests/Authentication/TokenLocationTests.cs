namespace AspireAuth.Mesh.Tests.Authentication;

/// <summary>Token extraction (A.3) and what upstream receives (A.2, A.5).</summary>
public sealed class TokenLocationTests
{
    private static readonly TestTokens s_key = TestTokens.Generate("k1");
    private static readonly string s_good = s_key.Sign(new { iss = "issuer-1", sub = "s", name = "n", level = 5, admin = true, nested = new { key = new { group = "g" } }, groups = new[] { "a", "b" } });

    private static MeshHarness Mesh(string rule) => new($$$"""
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata: {name: ra, namespace: foo}
        spec:
          jwtRules:
          - issuer: issuer-1
            jwks: '{{{s_key.Jwks}}}'
        {{{rule}}}
        """);

    [Fact]
    public async Task DefaultLocations_AreBearerHeaderAndAccessTokenParam()
    {
        var mesh = Mesh(string.Empty);
        var header = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Bearer(s_good));
        Assert.NotNull(header.Authentication!.Claims);
        Assert.False(header.UpstreamHeaders.Contains("authorization"));

        var param = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Request(path: $"/p?x=1&access_token={s_good}&y=2"));
        Assert.NotNull(param.Authentication!.Claims);
        Assert.Equal("/p?x=1&y=2", param.UpstreamPath);

        var bad = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Request(path: "/p?access_token=garbage"));
        Assert.Equal(401, bad.Status);
    }

    [Theory]
    [InlineData("bearer ")]
    [InlineData("Basic ")]
    [InlineData("")]
    public async Task HeaderWithoutThePrefix_HoldsNoToken_SoTheRequestPassesUnauthenticated(string scheme)
    {
        var result = await Mesh(string.Empty).EvaluateAsync("foo:app=a", MeshHarness.Request(headers: ("authorization", scheme + "garbage.token.here")));
        Assert.Equal(200, result.Status);
        Assert.Null(result.Authentication!.Claims);
    }

    [Fact]
    public async Task Prefix_IsASubstringSearch()
    {
        var result = await Mesh(string.Empty).EvaluateAsync("foo:app=a", MeshHarness.Request(headers: ("authorization", "Token=x, Bearer " + s_good)));
        Assert.NotNull(result.Authentication!.Claims);
    }

    [Fact]
    public async Task HeaderToken_RunsToTheEndOfTheValue_AsEnvoysExtractJwt()
    {
        // Newest Envoy extractJWT returns value_str.substr(first base64url char): trailing text stays in the token.
        var result = await Mesh(string.Empty).EvaluateAsync("foo:app=a", MeshHarness.Request(headers: ("authorization", "Bearer " + s_good + " trailing")));
        Assert.Equal(401, result.Status);
        Assert.Equal("Jwt signature is an invalid Base64url encoded", result.Body);
    }

    [Fact]
    public async Task RepeatedHeader_EachValueIsItsOwnToken_NotJoinedWithComma()
    {
        // Envoy iterates headers.get(name) value by value (envoyproxy/envoy#31468 undid getAllOfHeaderAsString), and
        // every token of a provider must verify.
        var mesh = Mesh(string.Empty);
        var both = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Request(headers: [("authorization", "Bearer " + s_good), ("authorization", "Bearer " + s_good)]));
        Assert.Equal(200, both.Status);
        Assert.False(both.UpstreamHeaders.Contains("authorization"));

        var second = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Request(headers: [("authorization", "Bearer " + s_good), ("authorization", "Bearer garbage")]));
        Assert.Equal(401, second.Status);
        Assert.Equal("Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections", second.Body);

        var basic = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Request(headers: [("authorization", "Basic dXNlcjpwYXNz"), ("authorization", "Bearer " + s_good)]));
        Assert.Equal(200, basic.Status);
        Assert.NotNull(basic.Authentication!.Claims);
    }

    [Fact]
    public async Task CustomLocation_RemovesBothDefaults()
    {
        var mesh = Mesh("    fromHeaders: [{name: x-jwt-assertion}]\n    fromCookies: [session]");
        Assert.Null((await mesh.EvaluateAsync("foo:app=a", MeshHarness.Bearer("garbage"))).Authentication!.Claims);
        Assert.Equal(200, (await mesh.EvaluateAsync("foo:app=a", MeshHarness.Request(path: "/?access_token=garbage"))).Status);

        var custom = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Request(headers: ("x-jwt-assertion", s_good)));
        Assert.NotNull(custom.Authentication!.Claims);
        Assert.False(custom.UpstreamHeaders.Contains("x-jwt-assertion"));

        var cookie = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Request(headers: ("cookie", "a=1; session=" + s_good)));
        Assert.NotNull(cookie.Authentication!.Claims);
        Assert.True(cookie.UpstreamHeaders.Contains("cookie"), "cookies are not removed");
    }

    [Fact]
    public async Task ForwardOriginalToken_KeepsTheHeader()
    {
        var result = await Mesh("    forwardOriginalToken: true").EvaluateAsync("foo:app=a", MeshHarness.Bearer(s_good));
        Assert.Equal("Bearer " + s_good, Assert.Single(result.UpstreamHeaders.GetValues("authorization")));
    }

    [Fact]
    public async Task OutputHeaders_PayloadSegmentAndClaimsByType_AndSpoofedOnesStripped()
    {
        var mesh = Mesh("""
                outputPayloadToHeader: x-jwt-payload
                outputClaimToHeaders:
                - {header: x-name, claim: name}
                - {header: x-level, claim: level}
                - {header: x-admin, claim: admin}
                - {header: x-group, claim: nested.key.group}
                - {header: x-groups, claim: groups}
                - {header: x-missing, claim: nope}
            """);
        var request = MeshHarness.Bearer(s_good);
        request.Headers.Add("x-jwt-payload", "spoofed");
        request.Headers.Add("x-missing", "spoofed");
        var result = await mesh.EvaluateAsync("foo:app=a", request);

        Assert.Equal(s_good.Split('.')[1], Assert.Single(result.UpstreamHeaders.GetValues("x-jwt-payload")));
        Assert.Equal("n", Assert.Single(result.UpstreamHeaders.GetValues("x-name")));
        Assert.Equal("5", Assert.Single(result.UpstreamHeaders.GetValues("x-level")));
        Assert.Equal("true", Assert.Single(result.UpstreamHeaders.GetValues("x-admin")));
        Assert.Equal("g", Assert.Single(result.UpstreamHeaders.GetValues("x-group")));
        Assert.Equal(Convert.ToBase64String("[\"a\",\"b\"]"u8.ToArray()), Assert.Single(result.UpstreamHeaders.GetValues("x-groups")));
        Assert.False(result.UpstreamHeaders.Contains("x-missing"));

        var anonymous = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Request(headers: ("x-jwt-payload", "spoofed")));
        Assert.False(anonymous.UpstreamHeaders.Contains("x-jwt-payload"));
    }

    [Fact]
    public async Task EveryTokenOfAProviderMustVerify()
    {
        var expired = s_key.Sign(new { iss = "issuer-1", exp = 1 });
        var mesh = Mesh("    fromParams: [token, secondary_token]");
        var result = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Request(path: $"/?token={s_good}&secondary_token={expired}"));
        Assert.Equal(401, result.Status);
        Assert.Equal("Jwt is expired", result.Body);
    }

    [Fact]
    public async Task PresenceRequired_RejectsAMissingTokenWith401JwtIsMissing()
    {
        var mesh = Mesh("    presence: REQUIRED");
        var result = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Request(path: "/x"));
        Assert.Equal(401, result.Status);
        Assert.Equal("Jwt is missing", result.Body);
        Assert.Equal("Bearer realm=\"http://httpbin.foo:8000/x\"", result.ResponseHeaders["www-authenticate"]);
        Assert.Equal(200, (await mesh.EvaluateAsync("foo:app=a", MeshHarness.Bearer(s_good))).Status);
    }

    [Fact]
    public async Task CorsPreflight_SkipsJwtChecks()
    {
        var request = MeshHarness.Request(method: "OPTIONS", headers: [("origin", "http://x"), ("access-control-request-method", "GET"), ("authorization", "Bearer garbage")]);
        var result = await Mesh(string.Empty).EvaluateAsync("foo:app=a", request);
        Assert.Equal(200, result.Status);
        Assert.True(result.Authentication!.CorsPreflightBypassed);
    }
}
