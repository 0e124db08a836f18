namespace AspireAuth.KeycloakEmulator.Realms;

/// <summary>
/// The client scopes Keycloak 26 creates in every realm, with the mappers that produce its standard claims. A realm
/// export that defines a scope of the same name with mappers replaces the built-in one.
/// </summary>
internal static class BuiltInClientScopes
{
    private static ProtocolMapperModel Mapper(string name, string type, params (string Key, string Value)[] config) =>
        new(name, type, config.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal));

    private static (string, string)[] Claims(string claim, string json, bool access = true, bool id = true, bool userinfo = true) =>
    [
        ("claim.name", claim), ("jsonType.label", json),
        ("access.token.claim", access ? "true" : "false"), ("id.token.claim", id ? "true" : "false"), ("userinfo.token.claim", userinfo ? "true" : "false"),
    ];

    public static IReadOnlyList<ClientScopeModel> All { get; } =
    [
        new("basic", false,
        [
            Mapper("sub", "oidc-sub-mapper", ("access.token.claim", "true"), ("introspection.token.claim", "true")),
            Mapper("auth_time", "oidc-usersessionmodel-note-mapper", ("user.session.note", "AUTH_TIME"), ("claim.name", "auth_time"), ("jsonType.label", "long"), ("access.token.claim", "true"), ("id.token.claim", "true")),
        ]),
        new("acr", false, [Mapper("acr loa level", "oidc-acr-mapper", ("access.token.claim", "true"), ("id.token.claim", "true"))]),
        new("profile", true,
        [
            Mapper("username", "oidc-usermodel-property-mapper", [("user.attribute", "username"), .. Claims("preferred_username", "String")]),
            Mapper("full name", "oidc-full-name-mapper", ("access.token.claim", "true"), ("id.token.claim", "true"), ("userinfo.token.claim", "true")),
            Mapper("given name", "oidc-usermodel-property-mapper", [("user.attribute", "firstName"), .. Claims("given_name", "String")]),
            Mapper("family name", "oidc-usermodel-property-mapper", [("user.attribute", "lastName"), .. Claims("family_name", "String")]),
        ]),
        new("email", true,
        [
            Mapper("email", "oidc-usermodel-property-mapper", [("user.attribute", "email"), .. Claims("email", "String")]),
            Mapper("email verified", "oidc-usermodel-property-mapper", [("user.attribute", "emailVerified"), .. Claims("email_verified", "boolean")]),
        ]),
        new("roles", false,
        [
            Mapper("realm roles", "oidc-usermodel-realm-role-mapper", ("claim.name", "realm_access.roles"), ("multivalued", "true"), ("access.token.claim", "true"), ("jsonType.label", "String")),
            Mapper("client roles", "oidc-usermodel-client-role-mapper", ("claim.name", "resource_access.${client_id}.roles"), ("multivalued", "true"), ("access.token.claim", "true"), ("jsonType.label", "String")),
            Mapper("audience resolve", "oidc-audience-resolve-mapper", ("access.token.claim", "true")),
        ]),
        new("web-origins", false, [Mapper("allowed web origins", "oidc-allowed-origins-mapper", ("access.token.claim", "true"))]),
        new("microprofile-jwt", true,
        [
            Mapper("upn", "oidc-usermodel-property-mapper", [("user.attribute", "username"), .. Claims("upn", "String")]),
            Mapper("groups", "oidc-usermodel-realm-role-mapper", ("claim.name", "groups"), ("multivalued", "true"), ("access.token.claim", "true"), ("id.token.claim", "true"), ("userinfo.token.claim", "true"), ("jsonType.label", "String")),
        ]),
        new("offline_access", true, []),
        new("address", true, []),
        new("phone", true, []),
        new("organization", true, []),
    ];
}
