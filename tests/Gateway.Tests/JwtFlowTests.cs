using System.Net;
using System.Text;
using System.Text.Json;

namespace AspireAuth.Gateway.Tests;

/// <summary>The OPEA JWT flows over real HTTP: gateway → ChatQnA with its sidecar, JWKS served by a real endpoint.</summary>
public sealed class JwtFlowTests
{
    private const string Workloads = """
        workloads:
        - {name: gateway, service: istio-ingressgateway, namespace: istio-system, labels: {istio: ingressgateway, app: istio-ingressgateway}}
        - {name: chatqna, service: chatqna, namespace: chatqa, port: 8888, labels: {app: chatqna, version: v1}}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Repo(string file) => File.ReadAllText(Path.Combine(GatewayEnvironment.RepositoryRoot, "config", "istio", file));

    [Fact]
    public async Task OpeaFakeJwt_Group1Allowed_Group2AndNoToken403_WithIstiosSampleKey()
    {
        await using var jwks = await LoopbackApp.StartAsync(app => app.MapGet("/jwks.json", () => Results.Text(Fixtures.Read("jwks.json"), "application/json")));
        await using var env = GatewayEnvironment.Create(Workloads, ("gateway.yaml", Repo("gateway.yaml")),
            ("authn.yaml", Repo("chatQnA_authN_fakejwt.yaml").Replace("https://raw.githubusercontent.com/istio/istio/release-1.22/security/tools/jwt/samples/jwks.json", $"{jwks.Authority}/jwks.json", StringComparison.Ordinal)),
            ("authz.yaml", Repo("chatQnA_authZ_fakejwt.yaml")));
        await env.StartChatQnaAsync();
        await env.StartGatewayAsync();

        Assert.Equal(HttpStatusCode.OK, (await AskAsync(env, TestTokens.IstioToken(new() { ["groups"] = "group1" }))).Status);
        var group2 = await AskAsync(env, TestTokens.IstioToken(new() { ["groups"] = "group2" }));
        Assert.Equal((HttpStatusCode.Forbidden, "RBAC: access denied"), (group2.Status, group2.Body));
        Assert.Contains(group2.Explain, e => e.Contains("request.auth.claims[groups] wanted [group1], request had group2", StringComparison.Ordinal));
        var none = await AskAsync(env, null);
        Assert.Equal((HttpStatusCode.Forbidden, "RBAC: access denied"), (none.Status, none.Body));
    }

    [Fact]
    public async Task OpeaKeycloak_Mary200_Bob403_None403_Expired401()
    {
        var key = TestTokens.Generate("kc");
        await using var jwks = await LoopbackApp.StartAsync(app => app.MapGet("/realms/istio/protocol/openid-connect/certs", () => Results.Text(key.Jwks, "application/json")));
        var variables = new Dictionary<string, string> { ["KEYCLOAK_ADDR"] = jwks.Url.Authority, ["REALM"] = "istio" };
        await using var env = GatewayEnvironment.Create(Workloads, ("gateway.yaml", Repo("gateway.yaml")),
            ("authn.yaml", Repo("chatQnA_authN_keycloak.yaml")), ("authz.yaml", Repo("chatQnA_authZ_keycloak.yaml")));
        await env.StartChatQnaAsync(variables: variables);
        await env.StartGatewayAsync(variables);
        var issuer = $"http://{jwks.Url.Authority}/realms/istio";
        string Token(string user, string role, long exp) => key.Sign(new { iss = issuer, sub = user, preferred_username = user, realm_access = new { roles = new[] { role } }, exp });
        var future = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();

        var mary = await AskAsync(env, Token("mary", "user", future));
        Assert.Equal(HttpStatusCode.OK, mary.Status);
        Assert.Contains("Hello mary.", mary.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await AskAsync(env, Token("bob", "viewer", future))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await AskAsync(env, null)).Status);
        var expired = await AskAsync(env, Token("mary", "user", DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds()));
        Assert.Equal((HttpStatusCode.Unauthorized, "Jwt is expired"), (expired.Status, expired.Body));
        Assert.StartsWith("Bearer realm=\"http://", expired.WwwAuthenticate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatewayRequestAuthentication_SanitisesOutputHeaders_AndRemovesTheTokenUnlessForwarded()
    {
        var key = TestTokens.Generate("gw");
        await using var echo = await LoopbackApp.EchoAsync("echo");
        var gateway = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: istio-system}
            spec:
              selector: {istio: ingressgateway}
              servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: echo, namespace: default}
            spec:
              hosts: ["*"]
              gateways: [istio-system/gw]
              http:
              - match: [{uri: {prefix: /keep}}]
                route: [{destination: {host: echo-keep}}]
              - route: [{destination: {host: echo}}]
            """;
        var ra = $$$"""
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: gw-jwt, namespace: istio-system}
            spec:
              selector: {matchLabels: {istio: ingressgateway}}
              jwtRules:
              - issuer: issuer-1
                jwks: '{{{key.Jwks}}}'
                outputPayloadToHeader: jwt-parsed
            """;
        await using var env = GatewayEnvironment.Create(Workloads, ("gateway.yaml", gateway), ("ra.yaml", ra));
        env.Services["echo"] = echo.Authority;
        await env.StartGatewayAsync();
        var token = key.Sign(new { iss = "issuer-1", sub = "s" });

        using var request = new HttpRequestMessage(HttpMethod.Get, "/anything?x=1");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        request.Headers.TryAddWithoutValidation("jwt-parsed", "eyJzdWIiOiJhZG1pbiJ9");
        using var response = await env.Client.SendAsync(request, Ct);
        using var echoed = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var headers = echoed.RootElement.GetProperty("headers");
        Assert.Equal(token.Split('.')[1], headers.GetProperty("jwt-parsed").GetString());
        Assert.False(headers.TryGetProperty("authorization", out _), "the token is removed upstream (forwardOriginalToken: false)");
        Assert.Equal("/anything?x=1", echoed.RootElement.GetProperty("path").GetString());

        using var spoof = new HttpRequestMessage(HttpMethod.Get, "/anything");
        spoof.Headers.TryAddWithoutValidation("jwt-parsed", "eyJzdWIiOiJhZG1pbiJ9");
        using var spoofed = await env.Client.SendAsync(spoof, Ct);
        using var anonymous = JsonDocument.Parse(await spoofed.Content.ReadAsStringAsync(Ct));
        Assert.False(anonymous.RootElement.GetProperty("headers").TryGetProperty("jwt-parsed", out _), "a client-sent jwt-parsed never reaches the upstream");

        env.Write("ra.yaml", ra.Replace("outputPayloadToHeader: jwt-parsed", "forwardOriginalToken: true", StringComparison.Ordinal));
        await Eventually.TrueAsync(async () =>
        {
            using var again = new HttpRequestMessage(HttpMethod.Get, "/anything");
            again.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            using var forwarded = await env.Client.SendAsync(again, Ct);
            using var json = JsonDocument.Parse(await forwarded.Content.ReadAsStringAsync(Ct));
            return json.RootElement.GetProperty("headers").TryGetProperty("authorization", out var auth) && auth.GetString() == "Bearer " + token;
        });
    }

    [Fact]
    public async Task UnreachableUpstream_Is503NoHealthyUpstream()
    {
        var closed = new Uri($"http://127.0.0.1:{GetClosedPort()}");
        await using var env = GatewayEnvironment.Create(Workloads, ("gateway.yaml", Repo("gateway.yaml")));
        env.Services["chatqna"] = closed.GetLeftPart(UriPartial.Authority);
        await env.StartGatewayAsync();
        using var response = await env.Client.GetAsync("/v1/health_check", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("no healthy upstream", await response.Content.ReadAsStringAsync(Ct));
    }

    internal static async Task<(HttpStatusCode Status, string Body, string[] Explain, string? WwwAuthenticate)> AskAsync(GatewayEnvironment env, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chatqna")
        {
            Content = new StringContent("""{"messages": "hello", "stream": false}""", Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        using var response = await env.Client.SendAsync(request, Ct);
        var explain = response.Headers.TryGetValues("x-mesh-explain", out var values) ? values.ToArray() : [];
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct), explain, response.Headers.WwwAuthenticate.ToString());
    }

    private static int GetClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
