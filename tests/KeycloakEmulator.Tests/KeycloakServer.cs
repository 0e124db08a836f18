using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AspireAuth.KeycloakEmulator.Tests;

/// <summary>The real emulator on a free loopback port, with the repository's realm or a realm written by a test.</summary>
internal sealed class KeycloakServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KeycloakServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = url };
    }

    public static string RepositoryRoot { get; } = typeof(KeycloakServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string DefaultRealms => Path.Combine(RepositoryRoot, "config", "realms");

    public Uri Url { get; }

    public HttpClient Client { get; }

    public string Issuer(string realm = "istio") => $"{Url.GetLeftPart(UriPartial.Authority)}/realms/{realm}";

    public static async Task<KeycloakServer> StartAsync(string? realmsPath = null, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Keycloak:RealmsPath"] = realmsPath ?? DefaultRealms });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = KeycloakEmulatorApplication.Build(builder);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KeycloakServer(app, new Uri(address));
    }

    /// <summary>A realm export written to a temporary file.</summary>
    public static string WriteRealm(string json)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("realm-").FullName, "test-realm.json");
        File.WriteAllText(file, json);
        return file;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(string realm, params (string Key, string Value)[] form)
    {
        using var content = new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        using var response = await Client.PostAsync($"/realms/{realm}/protocol/openid-connect/token", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> PasswordAsync(string user, string password, string client = "istio", string scope = "openid", string? secret = null) =>
        TokenAsync("istio", [("grant_type", "password"), ("client_id", client), ("username", user), ("password", password), ("scope", scope), .. secret is null ? Array.Empty<(string, string)>() : [("client_secret", secret)]]);

    public static JsonElement Claims(string jwt)
    {
        var payload = jwt.Split('.')[1];
        return JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(payload)).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
