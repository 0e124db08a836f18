namespace AspireAuth.AppHost.Identity;

/// <summary>A client of a realm export, with Keycloak's import defaults for absent fields.</summary>
/// <param name="ClientId">Keycloak's <c>clientId</c>.</param>
/// <param name="Enabled"><c>enabled</c>, default true.</param>
/// <param name="PublicClient"><c>publicClient</c>, default false.</param>
/// <param name="DirectAccessGrantsEnabled"><c>directAccessGrantsEnabled</c> (the password grant), default false.</param>
/// <param name="StandardFlowEnabled"><c>standardFlowEnabled</c> (the browser flow), default true.</param>
/// <param name="Secret"><c>secret</c> of a confidential client, if exported.</param>
/// <param name="RedirectUris"><c>redirectUris</c>, in file order.</param>
public sealed record RealmClient(
    string ClientId,
    bool Enabled,
    bool PublicClient,
    bool DirectAccessGrantsEnabled,
    bool StandardFlowEnabled,
    string? Secret,
    IReadOnlyList<string> RedirectUris);
