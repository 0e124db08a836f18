using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Authentication;

/// <summary>
/// One Envoy <c>JwtProvider</c> (<c>origins-i</c>): a jwtRule with its extraction locations and keys. Inline keys are
/// parsed once here.
/// </summary>
public sealed class JwtProvider
{
    private static long s_inlineVersion = 1L << 40;

    public JwtProvider(int index, JwtRule rule, RequestAuthenticationPolicy policy)
    {
        Index = index;
        Rule = rule;
        Policy = policy;
        InlineKeys = rule.Jwks is null ? null : JwksKeys.Parse(rule.Jwks, Interlocked.Increment(ref s_inlineVersion));
        HeaderLocations = rule.UsesDefaultLocations ? [new JwtHeaderLocation("Authorization", "Bearer ")] : rule.FromHeaders;
        ParamLocations = rule.UsesDefaultLocations ? ["access_token"] : rule.FromParams;
    }

    public int Index { get; }

    public JwtRule Rule { get; }

    public RequestAuthenticationPolicy Policy { get; }

    public JwksKeys? InlineKeys { get; }

    public IReadOnlyList<JwtHeaderLocation> HeaderLocations { get; }

    public IReadOnlyList<string> ParamLocations { get; }

    public IReadOnlyList<string> CookieLocations => Rule.FromCookies;

    public string Name => $"origins-{Index}";
}
