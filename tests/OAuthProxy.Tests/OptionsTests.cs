using AspireAuth.OAuthProxy.Options;

namespace AspireAuth.OAuthProxy.Tests;

public sealed class OptionsTests
{
    private const string Secret = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE=";

    [Fact]
    public void Precedence_IsFlagsThenEnvironmentThenFile_AndListsAndPlaceholdersWork()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("cfg-").FullName, "oauth2-proxy.cfg");
        File.WriteAllText(file, """
            provider = "keycloak-oidc"
            oidc_issuer_url = "http://${KEYCLOAK_ADDR}/realms/istio"
            client_id = "from-file"
            client_secret = "file-secret"
            cookie_secret = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE="
            cookie_name = "from-file"
            email_domains = "*"
            allowed_groups = ["/user", "/admin"]
            allowed_roles = ["${CLIENT}:user"]
            cookie_refresh = "2m"
            cookie_expire = "3m"
            skip_provider_button = true
            """);
        var options = OptionsBuilder.Build(ProxySettings.Load(
            new Dictionary<string, string> { ["config"] = file, ["client-id"] = "from-flag" },
            new Dictionary<string, string> { ["OAUTH2_PROXY_CLIENT_ID"] = "from-env", ["OAUTH2_PROXY_COOKIE_NAME"] = "from-env" },
            new Dictionary<string, string> { ["KEYCLOAK_ADDR"] = "localhost:8180", ["CLIENT"] = "chatqna" }));

        Assert.Equal("from-flag", options.ClientId);
        Assert.Equal("from-env", options.CookieName);
        Assert.Equal("http://localhost:8180/realms/istio", options.OidcIssuerUrl);
        Assert.Equal(["/user", "/admin"], options.AllowedGroups);
        Assert.Equal(new[] { "/user", "/admin", "role:chatqna:user" }.Order(), options.AllowedGroupKeys.Order());
        Assert.Equal(TimeSpan.FromMinutes(2), options.CookieRefresh);
        Assert.True(options.SkipProviderButton);
        Assert.Equal("cookie", options.SessionStoreType);
        Assert.Equal(32, options.CookieSecretBytes.Length);
    }

    [Fact]
    public void MissingAndWrongOptions_AreAllNamed()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => OptionsBuilder.Build(ProxySettings.Load(
            new Dictionary<string, string> { ["provider"] = "oidc", ["cookie-secret"] = "short", ["cookie-refresh"] = "10m", ["cookie-expire"] = "5m", ["session-store-type"] = "redis", ["extra-jwt-issuers"] = "https://issuer.example", ["skip-auth-routes"] = "GET=^/(" },
            new Dictionary<string, string>(),
            new Dictionary<string, string>())));
        Assert.StartsWith("invalid configuration:\n", ex.Message, StringComparison.Ordinal);
        Assert.Contains("missing setting: client-id", ex.Message, StringComparison.Ordinal);
        Assert.Contains("missing setting: client-secret or client-secret-file", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cookie_secret must be 16, 24, or 32 bytes to create an AES cipher, but is 5 bytes", ex.Message, StringComparison.Ordinal);
        Assert.Contains("missing setting for email validation: email-domain or authenticated-emails-file required.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("missing setting: oidc-issuer-url", ex.Message, StringComparison.Ordinal);
        Assert.Contains("must be less than cookie_expire", ex.Message, StringComparison.Ordinal);
        Assert.Contains("missing setting: redis-connection-url", ex.Message, StringComparison.Ordinal);
        Assert.Contains("invalid jwt verifier uri=audience spec: https://issuer.example", ex.Message, StringComparison.Ordinal);
        Assert.Contains("error compiling regex /^/(/:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRepositorysOpeaConfig_Loads()
    {
        var file = Path.Combine(Fixtures.RepositoryRoot, "config", "oauth2-proxy", "oauth2-proxy.cfg");
        var options = OptionsBuilder.Build(ProxySettings.Load(
            new Dictionary<string, string> { ["config"] = file },
            new Dictionary<string, string> { ["OAUTH2_PROXY_CLIENT_SECRET"] = "s", ["OAUTH2_PROXY_COOKIE_SECRET"] = Secret },
            new Dictionary<string, string> { ["KEYCLOAK_ADDR"] = "localhost:8180", ["REALM"] = "istio", ["CLIENT"] = "chatqna", ["URL"] = "http://chatqna.localhost:8080", ["REDIS_ADDR"] = "localhost:6379" }));
        Assert.Equal("keycloak-oidc", options.Provider);
        Assert.Equal("redis", options.SessionStoreType);
        Assert.Equal("redis://localhost:6379", options.RedisConnectionUrl);
        Assert.Equal("http://chatqna.localhost:8080/oauth2/callback", options.RedirectUrl);
        Assert.Equal(["*"], options.WhitelistDomains);
        Assert.Equal(["static://200"], options.Upstreams);
    }
}
