using AspireAuth.Mesh.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AspireAuth.Mesh.Tests.Authentication;

/// <summary>
/// A jwtRule with only an issuer: istiod resolves <c>jwks_uri</c> from the issuer's OpenID discovery document
/// (<c>JwksResolver.resolveJwksURIUsingOpenID</c>) and fails closed when that or the JWKS cannot be had.
/// </summary>
public sealed class OidcDiscoveryTests : IAsyncLifetime
{
    private static readonly TestTokens s_key = TestTokens.Generate("oidc-key");
    private WebApplication? _idp;
    private string _base = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _idp = builder.Build();
        _idp.MapGet("/realms/good/.well-known/openid-configuration", (HttpContext c) => Results.Json(new { issuer = "x", jwks_uri = $"http://{c.Request.Host}/realms/good/certs" }));
        _idp.MapGet("/realms/good/certs", () => Results.Text(s_key.Jwks, "application/json"));
        _idp.MapGet("/realms/notjwks/.well-known/openid-configuration", (HttpContext c) => Results.Json(new { jwks_uri = $"http://{c.Request.Host}/realms/notjwks/certs" }));
        _idp.MapGet("/realms/notjwks/certs", () => Results.Json(new { hello = "world" }));
        _idp.MapGet("/realms/nouri/.well-known/openid-configuration", () => Results.Json(new { issuer = "x" }));
        await _idp.StartAsync();
        _base = _idp.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async ValueTask DisposeAsync() => await _idp!.DisposeAsync();

    [Fact]
    public async Task IssuerOnly_KeysComeFromTheDiscoveredJwksUri_OneTrailingSlashTrimmed()
    {
        var issuer = _base + "/realms/good/";
        var result = await Mesh(issuer).EvaluateAsync("foo:app=a", MeshHarness.Bearer(s_key.Sign(new { iss = issuer, sub = "s" })));
        Assert.Equal(200, result.Status);
        Assert.Equal("s", result.Authentication!.Claims!.Subject);
    }

    [Theory]
    [InlineData("/realms/missing")]
    [InlineData("/realms/nouri")]
    [InlineData("/realms/notjwks")]
    public async Task IssuerOnly_FailedDiscoveryOrJwks_FailsClosed(string realm)
    {
        var issuer = _base + realm;
        var result = await Mesh(issuer).EvaluateAsync("foo:app=a", MeshHarness.Bearer(s_key.Sign(new { iss = issuer, sub = "s" })));
        Assert.Equal(401, result.Status);
        Assert.Equal("Jwt verification fails", result.Body);
    }

    private static MeshHarness Mesh(string issuer) => new($$"""
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata: {name: ra, namespace: foo}
        spec:
          jwtRules: [{issuer: "{{issuer}}", timeout: 2s}]
        """, new HttpJwksProvider(new HttpClient()));
}
