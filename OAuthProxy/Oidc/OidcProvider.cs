using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AspireAuth.OAuthProxy.Options;
using AspireAuth.OAuthProxy.Sessions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AspireAuth.OAuthProxy.Oidc;

/// <summary>
/// The <c>oidc</c> / <c>keycloak-oidc</c> provider: discovery from <c>oidc_issuer_url</c> (Microsoft.IdentityModel's
/// configuration manager), the code exchange, ID-token verification (issuer, audience = client id, signature), session
/// building (groups from <c>oidc_groups_claim</c>; for keycloak-oidc also <c>role:X</c> and <c>role:client:X</c> from the
/// access token), and refresh with the refresh token.
/// </summary>
public sealed class OidcProvider(OAuthProxyOptions options, HttpClient http, TimeProvider time)
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _configuration = new(
        options.OidcIssuerUrl!.TrimEnd('/') + "/.well-known/openid-configuration",
        new OpenIdConnectConfigurationRetriever(),
        new HttpDocumentRetriever(http) { RequireHttps = false });

    private readonly (ExtraJwtIssuer Issuer, ConfigurationManager<OpenIdConnectConfiguration> Configuration)[] _extraIssuers =
        [.. options.ExtraJwtIssuers.Select(extra => (extra, new ConfigurationManager<OpenIdConnectConfiguration>(
            extra.Issuer.TrimEnd('/') + "/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(http) { RequireHttps = false })))];

    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancellationToken) => _configuration.GetConfigurationAsync(cancellationToken);

    public string Scope => options.Scope ?? (options.AllowedGroups.Count > 0 ? "openid email profile groups" : "openid email profile");

    /// <summary>The IdP login URL (query keys sorted, as Go's url.Values.Encode writes them).</summary>
    public async Task<string> LoginUrlAsync(string redirectUri, string state, string? codeChallenge, string? nonce, CancellationToken cancellationToken)
    {
        var configuration = await GetConfigurationAsync(cancellationToken);
        var query = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["client_id"] = options.ClientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = Scope,
            ["state"] = state,
        };
        if (options.Prompt is { Length: > 0 } prompt)
        {
            query["prompt"] = prompt;
        }
        else
        {
            query["approval_prompt"] = options.ApprovalPrompt;
        }

        if (codeChallenge is not null)
        {
            query["code_challenge"] = codeChallenge;
            query["code_challenge_method"] = options.CodeChallengeMethod!;
        }

        if (nonce is not null)
        {
            query["nonce"] = nonce;
        }

        return configuration.AuthorizationEndpoint + "?" + string.Join('&', query.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value).Replace("%20", "+", StringComparison.Ordinal)}"));
    }

    public async Task<SessionState> RedeemAsync(string code, string redirectUri, string? codeVerifier, string? expectedNonce, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret,
        };
        if (codeVerifier is not null)
        {
            form["code_verifier"] = codeVerifier;
        }

        return await TokenRequestAsync(form, expectedNonce, cancellationToken);
    }

    public Task<SessionState> RefreshAsync(SessionState session, CancellationToken cancellationToken) =>
        TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = session.RefreshToken!,
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret,
        }, null, cancellationToken);

    /// <summary>
    /// <c>skip_jwt_bearer_tokens</c>: a bearer JWT verified like an ID token (audience = client id), else by each
    /// <c>extra_jwt_issuers</c> verifier in order (its own discovery and keys, its audience; a missing
    /// <c>email_verified</c> counts as verified, and a false one is not checked, as oauth2-proxy's generic token session).
    /// </summary>
    public async Task<SessionState?> SessionFromBearerAsync(string token, CancellationToken cancellationToken)
    {
        try
        {
            if (await VerifyAsync(token, null, cancellationToken) is { } claims)
            {
                return BuildSession(claims, token, token, null);
            }
        }
        catch (OidcException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // The IdP's discovery or keys cannot be fetched: this verifier accepts nothing; the extra issuers may.
        }

        foreach (var (extra, configuration) in _extraIssuers)
        {
            if (await VerifyWithAsync(token, extra.Issuer, extra.Audience, configuration, cancellationToken) is { } jwt)
            {
                return TokenSession(jwt, token);
            }
        }

        return null;
    }

    private async Task<JsonWebToken?> VerifyWithAsync(string token, string issuer, string audience,
        ConfigurationManager<OpenIdConnectConfiguration> manager, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await manager.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return null; // Discovery failed: this verifier cannot accept anything.
        }

        return await ValidateAsync(token, issuer, audience, configuration);
    }

    private SessionState TokenSession(JsonWebToken jwt, string token) => new()
    {
        CreatedAt = time.GetUtcNow(),
        ExpiresOn = jwt.ValidTo == DateTime.MinValue ? null : new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero),
        AccessToken = token,
        IdToken = token,
        Email = jwt.TryGetPayloadValue<string>("email", out var email) ? email : jwt.Subject,
        User = jwt.Subject,
        Groups = [.. Groups(jwt.EncodedPayload, "groups")],
        PreferredUsername = jwt.TryGetPayloadValue<string>("preferred_username", out var p) ? p : null,
    };

    private async Task<SessionState> TokenRequestAsync(Dictionary<string, string> form, string? expectedNonce, CancellationToken cancellationToken)
    {
        var configuration = await GetConfigurationAsync(cancellationToken);
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri(configuration.TokenEndpoint), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new OidcException($"token request failed: got {(int)response.StatusCode} from {configuration.TokenEndpoint}: {body}", body.Contains("invalid_grant", StringComparison.Ordinal) || body.Contains("invalid_client", StringComparison.Ordinal));
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        string? Str(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var idToken = Str("id_token") ?? throw new OidcException("token response did not contain an id_token", false);
        var accessToken = Str("access_token") ?? throw new OidcException("token response did not contain an access_token", false);
        var claims = await VerifyAsync(idToken, expectedNonce, cancellationToken) ?? throw new OidcException("could not verify id_token", false);
        return BuildSession(claims, idToken, accessToken, Str("refresh_token"));
    }

    private async Task<JsonWebToken?> VerifyAsync(string token, string? expectedNonce, CancellationToken cancellationToken)
    {
        var configuration = await GetConfigurationAsync(cancellationToken);
        var jwt = await ValidateAsync(token, options.OidcIssuerUrl!, options.ClientId, configuration);
        if (jwt is null)
        {
            return null;
        }

        if (expectedNonce is not null && (!jwt.TryGetPayloadValue<string>("nonce", out var nonce) || nonce != expectedNonce))
        {
            return null;
        }

        return jwt;
    }

    /// <summary>Signature with the issuer's keys, issuer, audience, and expiry on this proxy's clock (no skew).</summary>
    private async Task<JsonWebToken?> ValidateAsync(string token, string issuer, string audience, OpenIdConnectConfiguration configuration)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (_, expires, _, _) => expires is null || expires > time.GetUtcNow().UtcDateTime,
        });
        return result.IsValid ? result.SecurityToken as JsonWebToken : null;
    }

    private SessionState BuildSession(JsonWebToken idToken, string rawIdToken, string accessToken, string? refreshToken)
    {
        var email = idToken.TryGetPayloadValue<string>(options.OidcEmailClaim, out var e) ? e : null;
        if (email is not null && !options.InsecureOidcAllowUnverifiedEmail
            && idToken.TryGetPayloadValue<bool>("email_verified", out var verified) && !verified)
        {
            throw new OidcException($"email in id_token ({email}) isn't verified", false);
        }

        var groups = Groups(idToken.EncodedPayload, options.OidcGroupsClaim).ToList();
        if (options.Provider == "keycloak-oidc")
        {
            groups.AddRange(KeycloakRoles(accessToken));
        }

        return new SessionState
        {
            CreatedAt = time.GetUtcNow(),
            ExpiresOn = idToken.ValidTo == DateTime.MinValue ? null : new DateTimeOffset(idToken.ValidTo, TimeSpan.Zero),
            AccessToken = accessToken,
            IdToken = rawIdToken,
            RefreshToken = refreshToken,
            Email = email,
            User = idToken.Subject,
            Groups = groups,
            PreferredUsername = idToken.TryGetPayloadValue<string>("preferred_username", out var p) ? p : null,
        };
    }

    private static IEnumerable<string> Groups(string encodedPayload, string claim)
    {
        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(encodedPayload));
        if (!payload.RootElement.TryGetProperty(claim, out var value))
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(g => g.ValueKind == JsonValueKind.String ? g.GetString()! : g.GetRawText()).ToArray()
            : value.ValueKind == JsonValueKind.String ? [value.GetString()!] : [value.GetRawText()];
    }

    /// <summary>keycloak-oidc: <c>role:X</c> for realm roles and <c>role:client:X</c> for client roles, from the access token.</summary>
    internal static IEnumerable<string> KeycloakRoles(string accessToken)
    {
        var parts = accessToken.Split('.');
        if (parts.Length < 2)
        {
            throw new OidcException("malformed access token", false);
        }

        using var payload = JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])));
        var roles = new List<string>();
        if (payload.RootElement.TryGetProperty("realm_access", out var realm) && realm.TryGetProperty("roles", out var realmRoles))
        {
            roles.AddRange(realmRoles.EnumerateArray().Select(r => $"role:{r.GetString()}"));
        }

        if (payload.RootElement.TryGetProperty("resource_access", out var resources))
        {
            foreach (var client in resources.EnumerateObject())
            {
                if (client.Value.TryGetProperty("roles", out var clientRoles))
                {
                    roles.AddRange(clientRoles.EnumerateArray().Select(r => $"role:{client.Name}:{r.GetString()}"));
                }
            }
        }

        return roles;
    }

    internal static string HashNonce(byte[] nonce) => Base64UrlEncoder.Encode(SHA256.HashData(nonce));
}
