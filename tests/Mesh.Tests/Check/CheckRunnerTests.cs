using System.Text.Json;
using AspireAuth.Mesh.Check;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AspireAuth.Mesh.Tests.Check;

/// <summary>The <c>check</c> contract end to end: YAML files, request JSON, a JWKS served over real HTTP, JSON out.</summary>
public sealed class CheckRunnerTests : IAsyncLifetime
{
    private static readonly TestTokens s_key = TestTokens.Generate("kc-key");
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("check-");
    private WebApplication? _jwks;
    private string _jwksUrl = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _jwks = builder.Build();
        _jwks.MapGet("/realms/istio/protocol/openid-connect/certs", () => Results.Text(s_key.Jwks, "application/json"));
        await _jwks.StartAsync();
        _jwksUrl = _jwks.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            + "/realms/istio/protocol/openid-connect/certs";
    }

    public async ValueTask DisposeAsync()
    {
        await _jwks!.DisposeAsync();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Check_EvaluatesAnArrayOfRequests_WithJwksUriFetchedOverHttp()
    {
        Write("policies/ra.yaml", $$$"""
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: jwt-keycloak, namespace: chatqa}
            spec:
              selector: {matchLabels: {app: chatqna}}
              jwtRules:
              - issuer: http://keycloak/realms/istio
                jwksUri: {{{_jwksUrl}}}
                outputPayloadToHeader: jwt-parsed
            """);
        Write("policies/ap.yml", """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: router, namespace: chatqa}
            spec:
              selector: {matchLabels: {app: chatqna}}
              rules: [{when: [{key: "request.auth.claims[preferred_username]", values: [mary]}]}]
            """);
        var mary = s_key.Sign(new { iss = "http://keycloak/realms/istio", sub = "1", preferred_username = "mary", exp = 2_000_000_000 });
        Write("requests.json", JsonSerializer.Serialize(new object[]
        {
            new { method = "POST", host = "chatqna.chatqa:8888", path = "/v1/chatqna?x=1", headers = new Dictionary<string, object> { ["Authorization"] = "Bearer " + mary, ["x-multi"] = new[] { "a", "b" } } },
            new { host = "chatqna.chatqa:8888", path = "/v1/chatqna" },
        }));

        var (exit, output, error) = await RunAsync(new CheckOptions
        {
            ConfigPaths = [Path.Combine(_dir.FullName, "policies")],
            Workload = "chatqa:app=chatqna",
            Request = Path.Combine(_dir.FullName, "requests.json"),
            Now = 1_900_000_000,
        });

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var results = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, results.Length);
        Assert.Equal(200, results[0].GetProperty("status").GetInt32());
        Assert.Equal(string.Empty, results[0].GetProperty("body").GetString());
        var upstream = results[0].GetProperty("upstream");
        Assert.Equal("/v1/chatqna?x=1", upstream.GetProperty("path").GetString());
        Assert.Equal(mary.Split('.')[1], upstream.GetProperty("headers").GetProperty("jwt-parsed").GetString());
        Assert.False(upstream.GetProperty("headers").TryGetProperty("authorization", out _));
        Assert.Equal(2, upstream.GetProperty("headers").GetProperty("x-multi").GetArrayLength());
        Assert.Equal(0, upstream.GetProperty("destinations").GetArrayLength());
        Assert.Equal(403, results[1].GetProperty("status").GetInt32());
        Assert.Equal("RBAC: access denied", results[1].GetProperty("body").GetString());
        Assert.False(results[1].TryGetProperty("upstream", out _));
        Assert.Contains("preferred_username", results[1].GetProperty("explanation")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_InvalidConfig_Exits2NamingFileDocumentAndField()
    {
        Write("bad.yaml", "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: p, namespace: foo}\nspec: {action: MAYBE}\n");
        Write("r.json", "{\"host\": \"a\"}");
        var (exit, output, error) = await RunAsync(new CheckOptions
        {
            ConfigPaths = [Path.Combine(_dir.FullName, "bad.yaml")],
            Workload = "foo:app=a",
            Request = Path.Combine(_dir.FullName, "r.json"),
        });
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("bad.yaml: AuthorizationPolicy/foo/p: spec.action: must be one of ALLOW, DENY, AUDIT, CUSTOM (value: 'MAYBE')", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"host\": 5}", "stdin.host: must be a string")]
    [InlineData("[1]", "a request must be a JSON object")]
    public async Task Check_BadRequestJson_Exits2(string request, string message)
    {
        Write("ok.yaml", "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: p, namespace: foo}\nspec: {rules: [{}]}\n");
        var (exit, _, error) = await RunAsync(new CheckOptions
        {
            ConfigPaths = [Path.Combine(_dir.FullName, "ok.yaml")],
            Workload = "foo:app=a",
            Request = "-",
        }, stdin: request);
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnknownRequestField_IsAWarning_AndTheRequestIsEvaluated()
    {
        Write("ok.yaml", "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: p, namespace: foo}\nspec: {rules: [{to: [{operation: {methods: [GET]}}]}]}\n");
        var (exit, output, error) = await RunAsync(new CheckOptions
        {
            ConfigPaths = [Path.Combine(_dir.FullName, "ok.yaml")],
            Workload = "foo:app=a",
            Request = "-",
        }, stdin: """[{"name": "a corpus case", "method": "POST", "host": "a", "expected": 403}]""");
        Assert.Equal(0, exit);
        Assert.Equal(403, System.Text.Json.JsonDocument.Parse(output).RootElement[0].GetProperty("status").GetInt32());
        Assert.Contains("warning: stdin[0]: ignoring unknown field 'name'", error, StringComparison.Ordinal);
        Assert.Contains("warning: stdin[0]: ignoring unknown field 'expected'", error, StringComparison.Ordinal);
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_dir.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(CheckOptions options, string stdin = "")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CheckRunner.RunAsync(options, new StringReader(stdin), output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
