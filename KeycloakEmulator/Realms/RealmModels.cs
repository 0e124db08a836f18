namespace AspireAuth.KeycloakEmulator.Realms;

/// <summary>A role reference: a realm role (no client) or a client role.</summary>
public sealed record RoleRef(string? ClientId, string Name)
{
    public override string ToString() => ClientId is null ? Name : $"{ClientId}:{Name}";
}

/// <summary>A realm or client role and the roles it is composed of.</summary>
public sealed record RoleModel(string Name, string? ClientId, IReadOnlyList<RoleRef> Composites);

/// <summary>A protocol mapper: its type id (<c>oidc-audience-mapper</c>, ...) and its string config.</summary>
public sealed record ProtocolMapperModel(string Name, string Type, IReadOnlyDictionary<string, string> Config)
{
    public bool Flag(string key, bool fallback) => Config.TryGetValue(key, out var v) ? string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) : fallback;

    public string? Get(string key) => Config.TryGetValue(key, out var v) ? v : null;
}

/// <summary>A client scope with its mappers.</summary>
public sealed record ClientScopeModel(string Name, bool IncludeInTokenScope, IReadOnlyList<ProtocolMapperModel> Mappers);

/// <summary>A group (flattened, with its full path) and its role mappings.</summary>
public sealed record GroupModel(string Name, string Path, IReadOnlyList<RoleRef> Roles);

/// <summary>A stored credential: a plain password or Keycloak's hashed form.</summary>
public sealed record CredentialModel(string Type, string? Value, string? SecretData, string? CredentialData);

/// <summary>A client (relying party).</summary>
public sealed record ClientModel
{
    public required string ClientId { get; init; }

    public required string Id { get; init; }

    public bool Enabled { get; init; } = true;

    public bool PublicClient { get; init; }

    public bool BearerOnly { get; init; }

    public string? Secret { get; init; }

    public IReadOnlyList<string> RedirectUris { get; init; } = [];

    public IReadOnlyList<string> WebOrigins { get; init; } = [];

    public bool StandardFlowEnabled { get; init; } = true;

    public bool DirectAccessGrantsEnabled { get; init; }

    public bool ServiceAccountsEnabled { get; init; }

    public IReadOnlyList<ProtocolMapperModel> Mappers { get; init; } = [];

    public IReadOnlyList<string>? DefaultClientScopes { get; init; }

    public IReadOnlyList<string>? OptionalClientScopes { get; init; }

    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}

/// <summary>A user and what the realm gives them.</summary>
public sealed record UserModel
{
    public required string Id { get; init; }

    public required string Username { get; init; }

    public bool Enabled { get; init; } = true;

    public string? Email { get; init; }

    public bool EmailVerified { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<CredentialModel> Credentials { get; init; } = [];

    public IReadOnlyList<RoleRef> Roles { get; init; } = [];

    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Set for the service-account user of a client.</summary>
    public string? ServiceAccountClientId { get; init; }
}

/// <summary>A realm, imported from a RealmRepresentation.</summary>
public sealed record RealmModel
{
    public required string Name { get; init; }

    public bool Enabled { get; init; } = true;

    public string SslRequired { get; init; } = "external";

    public int AccessTokenLifespan { get; init; } = 300;

    public int SsoSessionIdleTimeout { get; init; } = 1800;

    public int SsoSessionMaxLifespan { get; init; } = 36000;

    public required IReadOnlyDictionary<string, RoleModel> RealmRoles { get; init; }

    /// <summary>Client roles by client id, then role name.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, RoleModel>> ClientRoles { get; init; }

    public required IReadOnlyDictionary<string, ClientModel> Clients { get; init; }

    public required IReadOnlyDictionary<string, GroupModel> Groups { get; init; }

    /// <summary>Users by lower-cased username.</summary>
    public required IReadOnlyDictionary<string, UserModel> Users { get; init; }

    public required IReadOnlyDictionary<string, ClientScopeModel> ClientScopes { get; init; }

    public required IReadOnlyList<string> DefaultDefaultClientScopes { get; init; }

    public required IReadOnlyList<string> DefaultOptionalClientScopes { get; init; }

    public string DefaultRoleName => $"default-roles-{Name}";
}
