using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace AspireAuth.Mesh.Tests.Authentication;

/// <summary>The verification order and the exact 401/403 bodies (A.4), on the sidecar of app=httpbin.</summary>
public sealed class JwtVerificationTests
{
    private static readonly TestTokens s_key = TestTokens.Generate("k1");
    private static readonly long s_now = MeshHarness.Now.ToUnixTimeSeconds();

    private static MeshHarness Mesh(string extra = "") => new($$$"""
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata: {name: ra, namespace: foo}
        spec:
          jwtRules:
          - issuer: issuer-1
            jwks: '{{{s_key.Jwks}}}'
        {{{extra}}}
        """);

    private static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    public static TheoryData<string, string> MalformedTokens => new()
    {
        { "deadbeef", "Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections" },
        { "a.b", "Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections" },
        { "a.b.c.d", "Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections" },
        { "some.invalid.token", "Jwt header is an invalid JSON" },
        { "x.e30.c2ln", "Jwt header is an invalid Base64url encoded" },
        { B64("{\"typ\":\"JWT\"}") + ".e30.c2ln", "Jwt header [alg] field is required and must be a string" },
        { B64("{\"alg\":5}") + ".e30.c2ln", "Jwt header [alg] field is required and must be a string" },
        { B64("{\"alg\":\"none\"}") + ".e30.c2ln", "Jwt header [alg] is not supported" },
        { B64("{\"alg\":\"RS256\",\"kid\":1}") + ".e30.c2ln", "Jwt header [kid] field is not a string" },
        { B64("{\"alg\":\"RS256\"}") + ".abcde.c2ln", "Jwt payload is an invalid Base64url encoded" },
        { B64("{\"alg\":\"RS256\"}") + "." + B64("[1]") + ".c2ln", "Jwt payload is an invalid JSON" },
        { B64("{\"alg\":\"RS256\"}") + "." + B64("{\"iss\":1}") + ".c2ln", "Jwt payload [iss] field is not a string" },
        { B64("{\"alg\":\"RS256\"}") + "." + B64("{\"sub\":true}") + ".c2ln", "Jwt payload [sub] field is not a string" },
        { B64("{\"alg\":\"RS256\"}") + "." + B64("{\"iat\":\"x\"}") + ".c2ln", "Jwt payload [iat] field is not an integer" },
        { B64("{\"alg\":\"RS256\"}") + "." + B64("{\"nbf\":\"1\"}") + ".c2ln", "Jwt payload [nbf] field is not an integer" },
        { B64("{\"alg\":\"RS256\"}") + "." + B64("{\"exp\":null}") + ".c2ln", "Jwt payload [exp] field is not an integer" },
        { B64("{\"alg\":\"RS256\"}") + "." + B64("{\"iat\":-1}") + ".c2ln", "Jwt payload [iat] field is not a positive 64 bit integer" },
        { B64("{\"alg\":\"RS256\"}") + "." + B64("{\"nbf\":-0.5}") + ".c2ln", "Jwt payload [nbf] field is not a positive 64 bit integer" },
        { B64("{\"alg\":\"RS256\"}") + "." + B64("{\"exp\":-1}") + ".c2ln", "Jwt payload [exp] field is not a positive 64 bit integer" },
        { B64("{\"alg\":\"RS256\"}") + "." + B64("{\"exp\":2.001e+206}") + ".c2ln", "Jwt payload [exp] field is not a positive 64 bit integer" },
        { B64("{\"alg\":\"RS256\"}") + "." + B64("{\"jti\":2}") + ".c2ln", "Jwt payload [jti] field is not a string" },
        { B64("{\"alg\":\"RS256\"}") + "." + B64("{\"aud\":[1]}") + ".c2ln", "Jwt payload [aud] field is not a string or string list" },
        { B64("{\"alg\":\"RS256\"}") + "." + B64("{\"iss\":\"issuer-1\"}") + ".abcde", "Jwt signature is an invalid Base64url encoded" },
        { B64("{\"alg\":\"RS256\"}") + "." + B64("{\"iss\":\"other\"}") + ".c2ln", "Jwt issuer is not configured" },
        { B64("{\"alg\":\"RS256\"}") + "." + B64("{\"sub\":\"no-iss\"}") + ".c2ln", "Jwt issuer is not configured" },
    };

    [Theory]
    [MemberData(nameof(MalformedTokens))]
    public async Task MalformedToken_Is401WithJwtVerifyLibStatus(string token, string body)
    {
        var result = await Mesh().EvaluateAsync("foo:app=httpbin", MeshHarness.Bearer(token, path: "/headers?x=1"));
        Assert.Equal(401, result.Status);
        Assert.Equal(body, result.Body);
        Assert.Equal("Bearer realm=\"http://httpbin.foo:8000/headers?x=1\", error=\"invalid_token\"", result.ResponseHeaders["www-authenticate"]);
    }

    [Fact]
    public async Task Realm_UsesXForwardedProtoAtASidecar_ButTheConnectionsSchemeAtAGateway()
    {
        var sidecar = await Mesh().EvaluateAsync("foo:app=httpbin",
            MeshHarness.Request(path: "/p", headers: [("authorization", "Bearer deadbeef"), ("x-forwarded-proto", "https")]));
        Assert.Equal("Bearer realm=\"https://httpbin.foo:8000/p\", error=\"invalid_token\"", sidecar.ResponseHeaders["www-authenticate"]);

        var gateway = new MeshHarness($$$"""
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: ra, namespace: istio-system}
            spec:
              jwtRules: [{issuer: issuer-1, jwks: '{{{s_key.Jwks}}}'}]
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: istio-system}
            spec:
              selector: {istio: ingressgateway}
              servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
            """);
        var atGateway = await gateway.EvaluateAsync("istio-system:istio=ingressgateway",
            MeshHarness.Request(host: "example.com", path: "/p", headers: [("authorization", "Bearer deadbeef"), ("x-forwarded-proto", "https")]));
        Assert.Equal("Bearer realm=\"http://example.com/p\", error=\"invalid_token\"", atGateway.ResponseHeaders["www-authenticate"]);
    }

    [Theory]
    [InlineData(-61, null, "Jwt is expired")]
    [InlineData(-60, null, null)]
    [InlineData(null, 61, "Jwt not yet valid")]
    [InlineData(null, 60, null)]
    public async Task TimeChecks_Have60SecondsOfSkew(int? expOffset, int? nbfOffset, string? body)
    {
        var claims = new Dictionary<string, object> { ["iss"] = "issuer-1", ["sub"] = "s" };
        if (expOffset is { } e)
        {
            claims["exp"] = s_now + e;
        }

        if (nbfOffset is { } n)
        {
            claims["nbf"] = s_now + n;
        }

        var result = await Mesh().EvaluateAsync("foo:app=httpbin", MeshHarness.Bearer(s_key.Sign(claims)));
        Assert.Equal(body ?? string.Empty, result.Body);
        Assert.Equal(body is null ? 200 : 401, result.Status);
    }

    [Fact]
    public async Task FractionalTimeClaims_AreTruncatedAndAccepted_AsGetUInt64Does()
    {
        // jwt_verify_lib reads iat/nbf/exp as a double and truncates it: nbf now+60.9 becomes now+60, still within skew.
        var token = s_key.Sign(new Dictionary<string, object> { ["iss"] = "issuer-1", ["sub"] = "s", ["iat"] = 1.5, ["nbf"] = s_now + 60.9 });
        var result = await Mesh().EvaluateAsync("foo:app=httpbin", MeshHarness.Bearer(token));
        Assert.Equal(200, result.Status);
        Assert.NotNull(result.Authentication!.Claims);
    }

    [Fact]
    public async Task ExpiredTokenWithBadSignature_ReportsExpired_BecauseTimeIsCheckedFirst()
    {
        var forged = TestTokens.Generate("k1").Sign(new { iss = "issuer-1", exp = s_now - 3600 });
        var result = await Mesh().EvaluateAsync("foo:app=httpbin", MeshHarness.Bearer(forged));
        Assert.Equal("Jwt is expired", result.Body);
    }

    [Theory]
    [InlineData("bar", 200)]
    [InlineData("https://bar/", 200)]
    [InlineData("baz", 403)]
    public async Task Audiences_SanitizedAndWrongAudienceIs403(string aud, int status)
    {
        var mesh = new MeshHarness($$$"""
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: ra, namespace: foo}
            spec:
              jwtRules:
              - issuer: issuer-1
                audiences: ["http://bar"]
                jwks: '{{{s_key.Jwks}}}'
            """);
        var result = await mesh.EvaluateAsync("foo:app=httpbin", MeshHarness.Bearer(s_key.Sign(new { iss = "issuer-1", aud })));
        Assert.Equal(status, result.Status);
        if (status == 403)
        {
            Assert.Equal("Audiences in Jwt are not allowed", result.Body);
        }
    }

    [Fact]
    public async Task WrongAudienceWithBadSignature_Is403_BecauseAudienceIsCheckedBeforeSignature()
    {
        var mesh = new MeshHarness($$$"""
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: ra, namespace: foo}
            spec:
              jwtRules:
              - {issuer: issuer-1, audiences: [bar], jwks: '{{{s_key.Jwks}}}'}
            """);
        var forged = TestTokens.Generate("k1").Sign(new { iss = "issuer-1", aud = "nope" });
        var result = await mesh.EvaluateAsync("foo:app=httpbin", MeshHarness.Bearer(forged));
        Assert.Equal(403, result.Status);
        Assert.Equal("Audiences in Jwt are not allowed", result.Body);
    }

    [Fact]
    public async Task UnknownKid_IsJwksKidAlgMismatch_AndForgedSignatureIsVerificationFail()
    {
        var unknownKid = s_key.Sign(new { iss = "issuer-1" }, kid: "other-kid");
        var result = await Mesh().EvaluateAsync("foo:app=httpbin", MeshHarness.Bearer(unknownKid));
        Assert.Equal("Jwks doesn't have key to match kid or alg from Jwt", result.Body);

        var forged = TestTokens.Generate("k1").Sign(new { iss = "issuer-1" });
        result = await Mesh().EvaluateAsync("foo:app=httpbin", MeshHarness.Bearer(forged));
        Assert.Equal("Jwt verification fails", result.Body);
    }

    [Fact]
    public async Task RepeatedToken_IsServedFromTheVerifiedCache_AndStillExpires()
    {
        var mesh = Mesh();
        var token = s_key.Sign(new { iss = "issuer-1", exp = s_now + 100 });
        Assert.Equal(200, (await mesh.EvaluateAsync("foo:app=httpbin", MeshHarness.Bearer(token))).Status);
        Assert.Equal(1, mesh.Cache.Count);
        Assert.Equal(200, (await mesh.EvaluateAsync("foo:app=httpbin", MeshHarness.Bearer(token))).Status);
        var later = await mesh.EvaluateAsync("foo:app=httpbin", MeshHarness.Bearer(token), MeshHarness.Now.AddSeconds(161));
        Assert.Equal("Jwt is expired", later.Body);
        Assert.Equal(0, mesh.Cache.Count);
    }
}
