using System.Net;
using System.Text.Json;

namespace AspireAuth.Gateway.Tests;

/// <summary>CUSTOM policies calling an envoyExtAuthzHttp provider, with Envoy's semantics, against a real check service.</summary>
public sealed class ExtAuthzTests
{
    private const string Workloads = """
        workloads:
        - {name: gateway, service: istio-ingressgateway, namespace: istio-system, labels: {istio: ingressgateway}}
        - {name: echo, service: echo, namespace: default, labels: {app: echo}}
        - {name: ext-authz, service: ext-authz, namespace: auth, labels: {app: ext-authz}}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Config(string provider) => $$$$"""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: istio, namespace: istio-system}
        data:
          mesh: |
            extensionProviders:
            - name: checker
              envoyExtAuthzHttp:
                service: ext-authz.auth.svc.cluster.local
                port: 8000
                includeRequestHeadersInCheck: ["cookie", "x-ext-*"]
                headersToUpstreamOnAllow: ["x-auth-request-user", "authorization"]
                headersToDownstreamOnDeny: ["content-type", "set-cookie"]
        {{{{provider}}}}
        ---
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
          http: [{route: [{destination: {host: echo}}]}]
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: ext-authz, namespace: istio-system}
        spec:
          selector: {matchLabels: {istio: ingressgateway}}
          action: CUSTOM
          provider: {name: checker}
          rules: [{to: [{operation: {notPaths: ["/public/*"]}}]}]
        """;

    private static async Task<(GatewayEnvironment Env, LoopbackApp Echo, LoopbackApp Checker)> StartAsync(string providerExtra = "")
    {
        var checker = await LoopbackApp.StartAsync(app => app.Run(async context =>
        {
            var path = context.Request.Path.Value!;
            context.Response.Headers["x-seen-cookie"] = context.Request.Headers.Cookie.ToString();
            context.Response.Headers["x-seen-custom"] = context.Request.Headers["x-ext-flag"].ToString();
            context.Response.Headers["x-seen-host"] = context.Request.Host.Value;
            switch (path)
            {
                case var p when p.StartsWith("/allow", StringComparison.Ordinal):
                    context.Response.Headers["x-auth-request-user"] = "alice";
                    context.Response.Headers["x-not-forwarded"] = "nope";
                    await context.Response.WriteAsync("Authenticated");
                    break;
                case var p when p.StartsWith("/login", StringComparison.Ordinal):
                    context.Response.StatusCode = 302;
                    context.Response.Headers.Location = "http://keycloak/auth?rd=%2F";
                    context.Response.Headers.SetCookie = "_oauth2_proxy_csrf=abc; Path=/; HttpOnly";
                    context.Response.Headers["x-not-forwarded"] = "nope";
                    context.Response.ContentType = "text/html";
                    await context.Response.WriteAsync("<a href=\"http://keycloak/auth\">Found</a>.");
                    break;
                case var p when p.StartsWith("/error", StringComparison.Ordinal):
                    context.Response.StatusCode = 500;
                    await context.Response.WriteAsync("boom");
                    break;
                case var p when p.StartsWith("/slow", StringComparison.Ordinal):
                    await Task.Delay(3000, context.RequestAborted);
                    break;
                default:
                    context.Response.StatusCode = 401;
                    await context.Response.WriteAsync("Unauthorized");
                    break;
            }
        }));
        var echo = await LoopbackApp.EchoAsync("echo");
        var env = GatewayEnvironment.Create(Workloads, ("mesh.yaml", Config(providerExtra)));
        env.Own(checker);
        env.Own(echo);
        env.Services["ext-authz"] = checker.Authority;
        env.Services["echo"] = echo.Authority;
        await env.StartGatewayAsync();
        return (env, echo, checker);
    }

    [Fact]
    public async Task Allow_ForwardsWithTheAllowedHeadersOnly()
    {
        var (env, _, _) = await StartAsync();
        await using var _env = env;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/allow/x");
        request.Headers.TryAddWithoutValidation("Cookie", "session=1");
        request.Headers.TryAddWithoutValidation("x-ext-flag", "on");
        request.Headers.Host = "chatqna.localhost:8080";
        using var response = await env.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var echoed = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var headers = echoed.RootElement.GetProperty("headers");
        Assert.Equal("alice", headers.GetProperty("x-auth-request-user").GetString());
        Assert.False(headers.TryGetProperty("x-not-forwarded", out _));
        Assert.False(response.Headers.Contains("x-seen-cookie"), "allow adds no downstream headers without headersToDownstreamOnAllow");
    }

    [Fact]
    public async Task Deny_ReturnsTheCheckServicesStatusBodyAndAllowedHeaders()
    {
        var (env, _, _) = await StartAsync();
        await using var _env = env;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login/page");
        request.Headers.TryAddWithoutValidation("Cookie", "a=b");
        request.Headers.Host = "chatqna.localhost:8080";
        using var response = await env.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("http://keycloak/auth?rd=%2F", response.Headers.Location!.ToString());
        Assert.Equal("_oauth2_proxy_csrf=abc; Path=/; HttpOnly", response.Headers.GetValues("Set-Cookie").Single());
        Assert.Equal("<a href=\"http://keycloak/auth\">Found</a>.", await response.Content.ReadAsStringAsync(Ct));
        Assert.False(response.Headers.Contains("x-not-forwarded"));
        Assert.False(response.Headers.Contains("x-seen-host"), "only content-type, set-cookie, location and www-authenticate pass on deny");

        using var unauthorized = await env.Client.GetAsync("/other", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("Unauthorized", await unauthorized.Content.ReadAsStringAsync(Ct));

        using var notMatched = await env.Client.GetAsync("/public/x", Ct);
        Assert.Equal(HttpStatusCode.OK, notMatched.StatusCode);
    }

    [Fact]
    public async Task ServerError_And_Timeout_Are403WithAnEmptyBody()
    {
        var (env, _, _) = await StartAsync("        timeout: 0.5s");
        await using var _env = env;
        using var error = await env.Client.GetAsync("/error", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(string.Empty, await error.Content.ReadAsStringAsync(Ct));
        using var slow = await env.Client.GetAsync("/slow", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, slow.StatusCode);
        Assert.Equal(string.Empty, await slow.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task FailOpen_AllowsOnServerError_AndStatusOnErrorIsHonoured()
    {
        var (env, _, _) = await StartAsync("        failOpen: true");
        await using (env)
        {
            using var error = await env.Client.GetAsync("/error", Ct);
            Assert.Equal(HttpStatusCode.OK, error.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await env.Client.GetAsync("/denied", Ct)).StatusCode);
        }

        var (custom, _, _) = await StartAsync("        statusOnError: \"503\"");
        await using (custom)
        {
            using var error = await custom.Client.GetAsync("/error", Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        }
    }
}
