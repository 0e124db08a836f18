namespace AspireAuth.AppHost.Identity;

/// <summary>A user of a realm export.</summary>
/// <param name="Username">Keycloak's <c>username</c>.</param>
/// <param name="Password">The plain <c>value</c> of its <c>password</c> credential; null when only a hash is exported.</param>
/// <param name="Enabled">Keycloak's <c>enabled</c> (an import without it creates a disabled user).</param>
public sealed record RealmUser(string Username, string? Password, bool Enabled);
