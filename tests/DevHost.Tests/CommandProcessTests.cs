using System.Text.Json;
using AspireAuth.KeycloakEmulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AspireAuth.DevHost.Tests;

/// <summary><c>aspireauth token</c> and <c>aspireauth check</c> as a user runs them: the real executable, its stdout, stderr and exit code.</summary>
public sealed class CommandProcessTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Token_PrintsMarysAccessToken_AndItsClaims_AndAWrongPasswordIsKeycloaksError()
    {
        await using var keycloak = await StartKeycloakAsync();
        var authority = keycloak.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var (exit, output, _) = await RunAsync($"token --user mary --authority {authority} --claims");
        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        Assert.Matches("^eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", lines[0]);
        var documents = ReadJsonDocuments(string.Join('\n', lines.Skip(1)));
        Assert.Equal("RS256", documents[0].GetProperty("alg").GetString());
        var claims = documents[1];
        Assert.Equal("mary", claims.GetProperty("preferred_username").GetString());
        Assert.Equal($"{authority}/realms/istio", claims.GetProperty("iss").GetString());
        Assert.Contains("user", claims.GetProperty("realm_access").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var (failed, _, error) = await RunAsync($"token --user mary --password wrong --authority {authority}");
        Assert.Equal(1, failed);
        Assert.Contains("answered 401", error, StringComparison.Ordinal);
        Assert.Contains("\"error_description\":\"Invalid user credentials\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_PrintsTheDecision_AndABrokenConfigExits2NamingFileDocumentAndField()
    {
        var folder = Directory.CreateTempSubdirectory("check-").FullName;
        var policy = Path.Combine(folder, "policy.yaml");
        await File.WriteAllTextAsync(policy, """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: writes-need-a-header
              namespace: foo
            spec:
              selector:
                matchLabels:
                  app: httpbin
              action: ALLOW
              rules:
              - to:
                - operation:
                    methods: ["GET"]
            """, Ct);
        var requests = Path.Combine(folder, "requests.json");
        await File.WriteAllTextAsync(requests, """[{"method": "GET", "host": "httpbin.foo", "path": "/get"}, {"method": "POST", "host": "httpbin.foo", "path": "/post"}]""", Ct);

        var (exit, output, _) = await RunAsync($"check --config {policy} --workload foo:app=httpbin --request {requests}");
        Assert.Equal(0, exit);
        var results = JsonDocument.Parse(output).RootElement;
        Assert.Equal(200, results[0].GetProperty("status").GetInt32());
        Assert.Equal(403, results[1].GetProperty("status").GetInt32());
        Assert.Equal("RBAC: access denied", results[1].GetProperty("body").GetString());

        await File.WriteAllTextAsync(policy, (await File.ReadAllTextAsync(policy, Ct)).Replace("action: ALLOW", "action: ALLOWED", StringComparison.Ordinal), Ct);
        var (broken, _, error) = await RunAsync($"check --config {policy} --workload foo:app=httpbin --request {requests}");
        Assert.Equal(2, broken);
        Assert.Contains(policy, error, StringComparison.Ordinal);
        Assert.Contains("AuthorizationPolicy/foo/writes-need-a-header", error, StringComparison.Ordinal);
        Assert.Contains("spec.action", error, StringComparison.Ordinal);
        Assert.Contains("ALLOWED", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string arguments)
    {
        using var process = AspireAuthProcess.Start(arguments);
        try
        {
            var exit = await process.WaitForExitAsync(s_timeout);
            return (exit, process.Output, process.Error);
        }
        finally
        {
            process.KillIfRunning();
        }
    }

    /// <summary>The indented JSON documents printed one after another (each ends with a line holding only <c>}</c>).</summary>
    private static List<JsonElement> ReadJsonDocuments(string text) =>
        [.. text.Split("\n}", StringSplitOptions.RemoveEmptyEntries)
            .Where(part => part.Trim().Length > 0)
            .Select(part => JsonDocument.Parse(part + "\n}").RootElement.Clone())];

    private static async Task<WebApplication> StartKeycloakAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Keycloak:RealmsPath"] = Path.Combine(TestConfig.Default, "realms") });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = KeycloakEmulatorApplication.Build(builder);
        await app.StartAsync(Ct);
        return app;
    }
}
