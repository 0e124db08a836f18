using System.Text.Json.Nodes;
using AspireAuth.KeycloakEmulator.Realms;

namespace AspireAuth.KeycloakEmulator.Endpoints;

/// <summary>Discovery, JWKS, the realm info document and Keycloak's health endpoint.</summary>
internal static class DiscoveryEndpoints
{
    public static IEndpointRouteBuilder MapDiscoveryEndpoints(this IEndpointRouteBuilder app)
    {
        // Discovery and keys are readable from any origin (Keycloak's allowAllOrigins().auth()).
        app.MapGet("/realms/{realm}/.well-known/openid-configuration", (string realm, HttpRequest request, RealmStore store) =>
            store.Resolve(realm, request) is { } context ? AnyOrigin(request, Results.Json(Discovery(context))) : KeycloakErrors.RealmNotFound());

        app.MapGet("/realms/{realm}/protocol/openid-connect/certs", (string realm, HttpRequest request, RealmStore store) =>
            store.Resolve(realm, request) is { } context
                ? AnyOrigin(request, Results.Json(new JsonObject { ["keys"] = new JsonArray(JsonValue.Create(context.Key.Jwk)) }))
                : KeycloakErrors.RealmNotFound());

        app.MapGet("/realms/{realm}", (string realm, HttpRequest request, RealmStore store) =>
            store.Resolve(realm, request) is { } context
                ? Results.Json(new JsonObject
                {
                    ["realm"] = context.Realm.Name,
                    ["public_key"] = context.Key.PublicKeyBase64,
                    ["token-service"] = context.OidcBase,
                    ["account-service"] = $"{context.Issuer}/account",
                    ["tokens-not-before"] = 0,
                })
                : KeycloakErrors.RealmNotFound());

        app.MapGet("/health/ready", (RealmStore store) =>
            Results.Json(new JsonObject { ["status"] = "UP", ["checks"] = new JsonArray(), ["realms"] = store.Realms.Count() }));
        return app;
    }

    private static IResult AnyOrigin(HttpRequest request, IResult result)
    {
        KeycloakCors.Allow(request.HttpContext, ["*"], exposeMethods: false);
        return result;
    }

    private static JsonObject Discovery(Tokens.RealmContext context)
    {
        var oidc = context.OidcBase;
        JsonArray A(params string[] values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        return new JsonObject
        {
            ["issuer"] = context.Issuer,
            ["authorization_endpoint"] = $"{oidc}/auth",
            ["token_endpoint"] = $"{oidc}/token",
            ["introspection_endpoint"] = $"{oidc}/token/introspect",
            ["userinfo_endpoint"] = $"{oidc}/userinfo",
            ["end_session_endpoint"] = $"{oidc}/logout",
            ["frontchannel_logout_session_supported"] = true,
            ["frontchannel_logout_supported"] = true,
            ["jwks_uri"] = $"{oidc}/certs",
            ["check_session_iframe"] = $"{oidc}/login-status-iframe.html",
            ["grant_types_supported"] = A("authorization_code", "client_credentials", "implicit", "password", "refresh_token"),
            ["acr_values_supported"] = A("0", "1"),
            ["response_types_supported"] = A("code", "none", "id_token", "token", "id_token token", "code id_token", "code token", "code id_token token"),
            ["subject_types_supported"] = A("public", "pairwise"),
            ["prompt_values_supported"] = A("none", "login", "consent"),
            ["id_token_signing_alg_values_supported"] = A("RS256"),
            ["userinfo_signing_alg_values_supported"] = A("RS256", "none"),
            ["request_object_signing_alg_values_supported"] = A("RS256", "none"),
            ["response_modes_supported"] = A("query", "fragment", "form_post"),
            ["registration_endpoint"] = $"{context.Issuer}/clients-registrations/openid-connect",
            ["token_endpoint_auth_methods_supported"] = A("private_key_jwt", "client_secret_basic", "client_secret_post", "tls_client_auth", "client_secret_jwt"),
            ["token_endpoint_auth_signing_alg_values_supported"] = A("RS256"),
            ["introspection_endpoint_auth_methods_supported"] = A("private_key_jwt", "client_secret_basic", "client_secret_post", "tls_client_auth", "client_secret_jwt"),
            ["claims_supported"] = A("aud", "sub", "iss", "auth_time", "name", "given_name", "family_name", "preferred_username", "email", "acr"),
            ["claim_types_supported"] = A("normal"),
            ["claims_parameter_supported"] = true,
            ["scopes_supported"] = new JsonArray(context.Realm.ClientScopes.Keys.Prepend("openid").Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["request_parameter_supported"] = true,
            ["request_uri_parameter_supported"] = true,
            ["require_request_uri_registration"] = true,
            ["code_challenge_methods_supported"] = A("plain", "S256"),
            ["tls_client_certificate_bound_access_tokens"] = true,
            ["revocation_endpoint"] = $"{oidc}/revoke",
            ["revocation_endpoint_auth_methods_supported"] = A("private_key_jwt", "client_secret_basic", "client_secret_post", "tls_client_auth", "client_secret_jwt"),
            ["backchannel_logout_supported"] = true,
            ["backchannel_logout_session_supported"] = true,
        };
    }
}
