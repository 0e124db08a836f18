using AspireAuth.Mesh.Authentication;
using AspireAuth.Mesh.Evaluation;
using AspireAuth.Mesh.Loading;
using AspireAuth.Mesh.Model;

namespace AspireAuth.KeycloakEmulator.Tests;

/// <summary>Tokens from the emulator against the repository's own OPEA Keycloak policies, evaluated by Mesh with the emulator's JWKS.</summary>
public sealed class OpeaPolicyTests
{
    [Fact]
    public async Task EmulatorTokens_SatisfyTheOpeaKeycloakPolicy_ForMaryOnly()
    {
        await using var kc = await KeycloakServer.StartAsync();
        var addr = kc.Url.Authority;
        var config = MeshConfigLoader.Load(
            [Path.Combine(KeycloakServer.RepositoryRoot, "config", "istio", "chatQnA_authN_keycloak.yaml"), Path.Combine(KeycloakServer.RepositoryRoot, "config", "istio", "chatQnA_authZ_keycloak.yaml")],
            new Dictionary<string, string> { ["KEYCLOAK_ADDR"] = addr, ["REALM"] = "istio" });
        using var http = new HttpClient();
        var evaluator = new MeshEvaluator(new RequestAuthenticator(new HttpJwksProvider(http), new VerifiedTokenCache()));
        var snapshot = new MeshSnapshot(config);
        var workload = Workload.Parse("chatqa:app=chatqna");

        async Task<MeshEvaluation> AskAsync(string? user)
        {
            var headers = new RequestHeaders();
            if (user is not null)
            {
                var token = (await kc.PasswordAsync(user, user)).Body.GetProperty("access_token").GetString()!;
                headers.Add("authorization", "Bearer " + token);
            }

            return await evaluator.EvaluateAsync(snapshot, workload, new MeshRequest { Host = "chatqna:8888", Path = "/v1/chatqna", Method = "POST", Headers = headers }, DateTimeOffset.UtcNow, explain: true);
        }

        Assert.Equal(200, (await AskAsync("mary")).Status);
        var bob = await AskAsync("bob");
        Assert.Equal(403, bob.Status);
        Assert.Contains("preferred_username] wanted [mary], request had bob", bob.Summary, StringComparison.Ordinal);
        Assert.Equal(403, (await AskAsync(null)).Status);
    }
}
