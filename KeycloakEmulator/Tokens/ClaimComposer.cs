using System.Text.Json.Nodes;
using AspireAuth.KeycloakEmulator.Realms;

namespace AspireAuth.KeycloakEmulator.Tokens;

/// <summary>Which token a mapper writes into.</summary>
public enum TokenKind
{
    Access,
    Id,
    UserInfo,
}

/// <summary>
/// Applies the protocol mappers of the client's scopes to a user, as Keycloak's OIDC protocol mappers do: profile and
/// email properties, realm and client roles, audience resolve and audience mappers, group membership, allowed origins.
/// </summary>
public sealed class ClaimComposer(RealmModel realm)
{
    /// <summary>Writes the mapped claims of <paramref name="kind"/> into <paramref name="claims"/>.</summary>
    public void Apply(JsonObject claims, TokenKind kind, UserModel user, ClientModel client, IReadOnlyList<ClientScopeModel> scopes)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var mappers = scopes.SelectMany(s => s.Mappers).Concat(client.Mappers).ToArray();
        var roles = RoleResolver.Effective(realm, user);
        var audiences = new List<string>();
        foreach (var mapper in mappers)
        {
            if (!Applies(mapper, kind))
            {
                continue;
            }

            switch (mapper.Type)
            {
                case "oidc-usermodel-property-mapper":
                    SetClaim(claims, mapper, Property(user, mapper.Get("user.attribute")));
                    break;
                case "oidc-usermodel-attribute-mapper":
                    var attribute = mapper.Get("user.attribute") ?? string.Empty;
                    if (user.Attributes.TryGetValue(attribute, out var values))
                    {
                        SetClaim(claims, mapper, mapper.Flag("multivalued", false) ? new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()) : JsonValue.Create(values.Count > 0 ? values[0] : null));
                    }

                    break;
                case "oidc-full-name-mapper":
                    var full = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrEmpty(n)));
                    if (full.Length > 0)
                    {
                        claims["name"] = full;
                    }

                    break;
                case "oidc-usermodel-realm-role-mapper":
                    var realmRoles = roles.Where(r => r.ClientId is null).Select(r => r.Name).ToArray();
                    if (realmRoles.Length > 0)
                    {
                        SetClaim(claims, mapper, new JsonArray(realmRoles.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()), "realm_access.roles");
                    }

                    break;
                case "oidc-usermodel-client-role-mapper":
                    var only = mapper.Get("usermodel.clientRoleMapping.clientId");
                    foreach (var group in roles.Where(r => r.ClientId is not null && (only is null || r.ClientId == only)).GroupBy(r => r.ClientId!))
                    {
                        var name = (mapper.Get("claim.name") ?? "resource_access.${client_id}.roles").Replace("${client_id}", group.Key, StringComparison.Ordinal);
                        SetPath(claims, name, new JsonArray(group.Select(r => (JsonNode?)JsonValue.Create(r.Name)).ToArray()));
                    }

                    break;
                case "oidc-audience-resolve-mapper":
                    audiences.AddRange(roles.Where(r => r.ClientId is not null && r.ClientId != client.ClientId).Select(r => r.ClientId!).Distinct(StringComparer.Ordinal));
                    break;
                case "oidc-audience-mapper":
                    if ((mapper.Get("included.client.audience") ?? mapper.Get("included.custom.audience")) is { Length: > 0 } audience)
                    {
                        audiences.Add(audience);
                    }

                    break;
                case "oidc-group-membership-mapper":
                    var fullPath = mapper.Flag("full.path", true);
                    var groups = user.Groups.Select(g => fullPath ? g : g[(g.LastIndexOf('/') + 1)..]).ToArray();
                    SetClaim(claims, mapper, new JsonArray(groups.Select(g => (JsonNode?)JsonValue.Create(g)).ToArray()), "groups");
                    break;
                case "oidc-allowed-origins-mapper":
                    var origins = AllowedOrigins(client);
                    if (origins.Count > 0)
                    {
                        claims["allowed-origins"] = new JsonArray(origins.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray());
                    }

                    break;
                case "oidc-acr-mapper":
                    claims["acr"] = "1";
                    break;
                case "oidc-hardcoded-claim-mapper":
                    SetClaim(claims, mapper, JsonValue.Create(mapper.Get("claim.value")));
                    break;
            }
        }

        if (kind == TokenKind.Access && audiences.Count > 0)
        {
            var distinct = audiences.Distinct(StringComparer.Ordinal).ToArray();
            claims["aud"] = distinct.Length == 1 ? JsonValue.Create(distinct[0]) : new JsonArray(distinct.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
        }
        else if (kind == TokenKind.Id && audiences.Count > 0)
        {
            // The ID token's audience is the client; audience mappers with id.token.claim add to it.
            var all = new[] { client.ClientId }.Concat(audiences.Where(a => mappers.Any(m => m.Type == "oidc-audience-mapper" && m.Flag("id.token.claim", false)
                && (m.Get("included.client.audience") ?? m.Get("included.custom.audience")) == a))).Distinct(StringComparer.Ordinal).ToArray();
            claims["aud"] = all.Length == 1 ? JsonValue.Create(all[0]) : new JsonArray(all.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
        }
    }

    /// <summary>Web origins: <c>+</c> means the origins of the redirect URIs.</summary>
    public static IReadOnlyList<string> AllowedOrigins(ClientModel client) =>
        client.WebOrigins.SelectMany(o => o == "+"
                ? client.RedirectUris.Select(u => Uri.TryCreate(u.TrimEnd('*'), UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null).Where(u => u is not null).Select(u => u!)
                : [o])
            .Distinct(StringComparer.Ordinal).ToArray();

    private static bool Applies(ProtocolMapperModel mapper, TokenKind kind) => kind switch
    {
        TokenKind.Access => mapper.Flag("access.token.claim", mapper.Type is "oidc-audience-resolve-mapper" or "oidc-allowed-origins-mapper"),
        TokenKind.Id => mapper.Flag("id.token.claim", false),
        _ => mapper.Flag("userinfo.token.claim", false),
    };

    private static JsonNode? Property(UserModel user, string? attribute) => attribute switch
    {
        "username" => user.Username,
        "email" => user.Email,
        "firstName" => user.FirstName,
        "lastName" => user.LastName,
        "emailVerified" => user.EmailVerified,
        _ => null,
    };

    private static void SetClaim(JsonObject claims, ProtocolMapperModel mapper, JsonNode? value, string? fallbackName = null)
    {
        var name = mapper.Get("claim.name") ?? fallbackName;
        if (name is null || value is null)
        {
            return;
        }

        if (mapper.Get("jsonType.label") == "boolean" && value is JsonValue v && v.TryGetValue<bool>(out var b))
        {
            value = b;
        }

        SetPath(claims, name, value);
    }

    /// <summary>Keycloak nests claims on unescaped dots: <c>realm_access.roles</c> is <c>{"realm_access": {"roles": ...}}</c>.</summary>
    private static void SetPath(JsonObject claims, string name, JsonNode value)
    {
        var parts = name.Split('.');
        var current = claims;
        foreach (var part in parts[..^1])
        {
            if (current[part] is not JsonObject next)
            {
                next = new JsonObject();
                current[part] = next;
            }

            current = next;
        }

        current[parts[^1]] = value;
    }
}
