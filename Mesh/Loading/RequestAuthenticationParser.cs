using System.Text.RegularExpressions;
using AspireAuth.Mesh.Model;
using Microsoft.IdentityModel.Tokens;

namespace AspireAuth.Mesh.Loading;

/// <summary>Parses and validates a RequestAuthentication as istiod's webhook does.</summary>
internal static partial class RequestAuthenticationParser
{
    public static RequestAuthenticationPolicy? Parse(Node root, DocumentMetadata metadata)
    {
        var spec = root.Field("spec");
        spec.AllowOnly("selector", "targetRef", "targetRefs", "jwtRules");
        var (selector, hasTargetRefs) = SelectorParser.Parse(spec);
        var rules = spec.Field("jwtRules").Items().Select(ParseRule).Where(r => r is not null).Select(r => r!).ToArray();
        return new RequestAuthenticationPolicy(metadata.Id, selector, hasTargetRefs, rules);
    }

    private static JwtRule? ParseRule(Node rule)
    {
        rule.AllowOnly("issuer", "audiences", "jwksUri", "jwks", "fromHeaders", "fromParams", "fromCookies",
            "outputPayloadToHeader", "forwardOriginalToken", "outputClaimToHeaders", "timeout", "spaceDelimitedClaims",
            "jwks_uri", "presence");
        var issuer = rule.Field("issuer").String();
        var jwksUri = rule.Field("jwksUri").String() ?? rule.Field("jwks_uri").String();
        var presence = rule.Field("presence").String();
        if (presence is not null and not ("OPTIONAL" or "REQUIRED"))
        {
            rule.Field("presence").Error(presence, "must be OPTIONAL or REQUIRED");
        }
        var jwks = rule.Field("jwks").String();
        if (string.IsNullOrEmpty(issuer) && string.IsNullOrEmpty(jwksUri))
        {
            rule.Field("issuer").Error(issuer, "issuer or jwksUri must be set");
        }

        if (jwks is not null && jwksUri is not null)
        {
            rule.Field("jwks").Error(null, "only one of jwks or jwksUri can be set");
        }

        if (jwksUri is not null && Envsubst.Unresolved(jwksUri) is { Count: > 0 } unresolved)
        {
            rule.Field("jwksUri").Error(jwksUri, $"has unresolved placeholders ({string.Join(", ", unresolved.Select(v => "${" + v + "}"))}); give their values (environment variables for check, Mesh:Variables for services)");
        }
        else if (jwksUri is not null && !IsHttpUrl(jwksUri))
        {
            rule.Field("jwksUri").Error(jwksUri, "must be an http or https URL");
        }

        if (jwks is not null)
        {
            try
            {
                _ = new JsonWebKeySet(jwks);
            }
            catch (ArgumentException ex)
            {
                rule.Field("jwks").Error(Truncate(jwks), $"is not a valid JWKS: {ex.Message}");
            }
        }

        var headers = rule.Field("fromHeaders").Items().Select(h =>
        {
            h.AllowOnly("name", "prefix");
            var name = h.Field("name").String();
            if (string.IsNullOrEmpty(name))
            {
                h.Field("name").Error(name, "location header name must be provided");
            }

            return new JwtHeaderLocation(name ?? string.Empty, h.Field("prefix").String() ?? string.Empty);
        }).ToArray();

        var claimHeaders = rule.Field("outputClaimToHeaders").Items().Select(c =>
        {
            c.AllowOnly("header", "claim");
            var header = c.Field("header").String() ?? string.Empty;
            var claim = c.Field("claim").String() ?? string.Empty;
            if (!HeaderName().IsMatch(header))
            {
                c.Field("header").Error(header, "must match ^[-_A-Za-z0-9]+$");
            }

            if (claim.Length == 0)
            {
                c.Field("claim").Error(claim, "claim name must be provided");
            }

            return new ClaimToHeader(header, claim);
        }).ToArray();

        return new JwtRule
        {
            Issuer = issuer ?? string.Empty,
            Audiences = NonEmpty(rule.Field("audiences"), "audience"),
            Jwks = jwks,
            JwksUri = jwksUri,
            FromHeaders = headers,
            FromParams = NonEmpty(rule.Field("fromParams"), "location query"),
            FromCookies = NonEmpty(rule.Field("fromCookies"), "cookie name"),
            OutputPayloadToHeader = rule.Field("outputPayloadToHeader").String(),
            ForwardOriginalToken = rule.Field("forwardOriginalToken").Bool() ?? false,
            OutputClaimToHeaders = claimHeaders,
            Timeout = rule.Field("timeout").Duration() ?? TimeSpan.FromSeconds(5),
            SpaceDelimitedClaims = rule.Field("spaceDelimitedClaims").StringList() ?? [],
            Required = presence == "REQUIRED",
        };
    }

    private static IReadOnlyList<string> NonEmpty(Node list, string what)
    {
        var items = list.Items().ToArray();
        var values = new List<string>();
        foreach (var item in items)
        {
            var value = item.String();
            if (string.IsNullOrEmpty(value))
            {
                item.Error(value, $"{what} must be non-empty");
            }
            else
            {
                values.Add(value);
            }
        }

        return values;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Truncate(string value) => value.Length <= 60 ? value : value[..60] + "...";

    [GeneratedRegex("^[-_A-Za-z0-9]+$")]
    private static partial Regex HeaderName();
}
