using AspireAuth.OAuthProxy.Redirects;

namespace AspireAuth.OAuthProxy.Tests;

/// <summary>oauth2-proxy's redirect validation, with the allow-list and the open-redirect list of its own tests.</summary>
public sealed class RedirectValidatorTests
{
    private static readonly RedirectValidator s_validator = new(
    [
        "foo.bar", ".bar.foo", "port.bar:8080", ".sub.port.bar:8080", "anyport.bar:*", ".sub.anyport.bar:*", "www.whitelisteddomain.tld",
        "*.wildcard.sub.port.bar:8080", "*.wildcard.sub.anyport.bar:*", "*.wildcard.bar", "*.wildcard.proxy.foo.bar",
    ]);

    [Fact]
    public void EveryOpenRedirectAttempt_IsRejected()
    {
        var lines = File.ReadAllLines(Path.Combine(Fixtures.Root, "oauth2-proxy", "openredirects.txt"));
        Assert.True(lines.Length > 500);
        var accepted = lines.Select(line => Uri.UnescapeDataString(line.Replace("+", " ", StringComparison.Ordinal)))
            .Where(s_validator.IsValid)
            .ToArray();
        Assert.Empty(accepted);
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/foo/bar?x=1", true)]
    [InlineData("//evil.com", false)]
    [InlineData("/\\evil.com", false)]
    [InlineData("/ /evil.com", false)]
    [InlineData("/./evil", false)]
    [InlineData("http://foo.bar/x", true)]
    [InlineData("http://baz.foo.bar/", false)]
    [InlineData("https://bar.foo/", true)]
    [InlineData("https://x.bar.foo/", true)]
    [InlineData("http://foo.bar:80/", false)]
    [InlineData("http://port.bar:8080/", true)]
    [InlineData("http://port.bar:8081/", false)]
    [InlineData("http://anyport.bar:1234/", true)]
    [InlineData("http://a.wildcard.bar/", true)]
    [InlineData("http://wildcard.bar/", true)]
    [InlineData("https://foo.bar@evil.com/", false)]
    [InlineData("http://evil\\.foo.bar/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("", false)]
    public void IsValid_FollowsOauth2ProxyRules(string redirect, bool valid) => Assert.Equal(valid, s_validator.IsValid(redirect));

    [Fact]
    public void BareStar_MatchesNothing_AsWithOpeasWhitelist()
    {
        var opea = new RedirectValidator(["*"]);
        Assert.False(opea.IsValid("http://chatqna.example.com/"));
        Assert.True(opea.IsValid("/relative"));
    }
}
