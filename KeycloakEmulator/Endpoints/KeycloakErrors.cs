using System.Text.Json.Nodes;

namespace AspireAuth.KeycloakEmulator.Endpoints;

/// <summary>Keycloak's OAuth error bodies: <c>{"error": ..., "error_description": ...}</c>.</summary>
internal static class KeycloakErrors
{
    public static IResult Error(int status, string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: status);

    public static IResult RealmNotFound() =>
        Results.Json(new JsonObject { ["error"] = "Realm does not exist", ["error_description"] = "For more on this error consult the server log." }, statusCode: 404);

    public static IResult InvalidClient() => Error(401, "invalid_client", "Invalid client or Invalid client credentials");
}
