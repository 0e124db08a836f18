using System.Text.Json;
using AspireAuth.KeycloakEmulator.Realms;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AspireAuth.KeycloakEmulator.Benchmarks;

/// <summary>
/// The emulator over real loopback HTTP: client_credentials and password grants (plain and Keycloak-hashed
/// credentials), and start-to-serving (realm import, key generation, first discovery request), side by side.
/// </summary>
[MemoryDiagnoser]
public class TokenBenchmarks
{
    private string _realms = string.Empty;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        var hashed = PasswordHasher.HashPbkdf2Sha256("pw");
        _realms = Directory.CreateTempSubdirectory("bench-realm-").FullName;
        File.WriteAllText(Path.Combine(_realms, "bench-realm.json"), JsonSerializer.Serialize(new
        {
            realm = "bench",
            clients = new object[]
            {
                new { clientId = "worker", secret = "s", serviceAccountsEnabled = true },
                new { clientId = "cli", publicClient = true, directAccessGrantsEnabled = true },
            },
            users = new object[]
            {
                new { username = "plain", credentials = new[] { new { type = "password", value = "pw" } } },
                new { username = "hashed", credentials = new[] { new { type = "password", secretData = hashed.SecretData, credentialData = hashed.CredentialData } } },
            },
        }));
        (_app, _client) = StartAsync(_realms).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public Task<int> ClientCredentialsGrant() => TokenAsync(("grant_type", "client_credentials"), ("client_id", "worker"), ("client_secret", "s"));

    /// <summary>
    /// Throughput: <see cref="Batch"/> client_credentials requests, <see cref="InFlight"/> at a time (as several callers
    /// would send them); the reported mean is per token, so 1 s / mean is tokens per second.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public Task ClientCredentialsGrant_Concurrent() => ConcurrentAsync(() => ClientCredentialsGrant());

    [Benchmark(OperationsPerInvoke = Batch)]
    public Task PasswordGrant_PlainCredential_Concurrent() => ConcurrentAsync(() => PasswordGrant_PlainCredential());

    [Benchmark]
    public Task<int> PasswordGrant_PlainCredential() => TokenAsync(("grant_type", "password"), ("client_id", "cli"), ("username", "plain"), ("password", "pw"));

    [Benchmark]
    public Task<int> PasswordGrant_Pbkdf2Sha256_27500() => TokenAsync(("grant_type", "password"), ("client_id", "cli"), ("username", "hashed"), ("password", "pw"));

    [Benchmark]
    public async Task<int> StartToServing()
    {
        var (app, client) = await StartAsync(_realms);
        var status = (int)(await client.GetAsync("/realms/bench/.well-known/openid-configuration")).StatusCode;
        client.Dispose();
        await app.DisposeAsync();
        return status;
    }

    private const int Batch = 256;
    private const int InFlight = 8;

    private static async Task ConcurrentAsync(Func<Task<int>> request)
    {
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= Batch)
            {
                if (await request() != 200)
                {
                    throw new InvalidOperationException("token request failed");
                }
            }
        }));
    }

    private async Task<int> TokenAsync(params (string Key, string Value)[] form)
    {
        using var content = new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        using var response = await _client.PostAsync("/realms/bench/protocol/openid-connect/token", content);
        await response.Content.ReadAsStringAsync();
        return (int)response.StatusCode;
    }

    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(string realms)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Keycloak:RealmsPath"] = realms });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = KeycloakEmulatorApplication.Build(builder);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }
}
