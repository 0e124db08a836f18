using System.Text.Json;

namespace AspireAuth.KeycloakEmulator.Realms;

/// <summary>Reads one realm export, collecting errors that name the element and field.</summary>
internal sealed class RealmReader(string file, string realm, List<string> errors)
{
    private static readonly string[] s_builtInClients = ["account", "account-console", "admin-cli", "broker", "realm-management", "security-admin-console"];

    public RealmModel? Read(JsonElement root)
    {
        var errorCount = errors.Count;
        var realmRoles = new Dictionary<string, RoleModel>(StringComparer.Ordinal);
        var clientRoles = new Dictionary<string, IReadOnlyDictionary<string, RoleModel>>(StringComparer.Ordinal);
        if (root.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Object)
        {
            foreach (var role in RealmImporter.Items(roles, "realm"))
            {
                var roleName = RealmImporter.Str(role, "name");
                if (string.IsNullOrEmpty(roleName))
                {
                    Error("roles.realm[]", "name", "a role needs a name");
                    continue;
                }

                realmRoles[roleName] = new RoleModel(roleName, null, Composites(role));
            }

            if (roles.TryGetProperty("client", out var byClient) && byClient.ValueKind == JsonValueKind.Object)
            {
                foreach (var client in byClient.EnumerateObject())
                {
                    clientRoles[client.Name] = client.Value.EnumerateArray()
                        .Select(r => RealmImporter.Str(r, "name"))
                        .Where(n => !string.IsNullOrEmpty(n))
                        .ToDictionary(n => n!, n => new RoleModel(n!, client.Name, Composites(client.Value.EnumerateArray().First(r => RealmImporter.Str(r, "name") == n))), StringComparer.Ordinal);
                }
            }
        }

        AddBuiltInRoles(realmRoles, clientRoles);
        var clients = new Dictionary<string, ClientModel>(StringComparer.Ordinal);
        var index = 0;
        foreach (var c in RealmImporter.Items(root, "clients"))
        {
            var client = ReadClient(c, index++);
            if (client is not null)
            {
                clients[client.ClientId] = client;
            }
        }

        foreach (var builtIn in s_builtInClients.Where(b => !clients.ContainsKey(b)))
        {
            clients[builtIn] = new ClientModel { ClientId = builtIn, Id = RealmImporter.StableId(realm, "client", builtIn), PublicClient = builtIn is "account-console" or "admin-cli" or "security-admin-console", StandardFlowEnabled = builtIn != "admin-cli", DirectAccessGrantsEnabled = builtIn == "admin-cli", BearerOnly = builtIn is "broker" or "realm-management" };
        }

        var groups = new Dictionary<string, GroupModel>(StringComparer.Ordinal);
        foreach (var g in RealmImporter.Items(root, "groups"))
        {
            ReadGroup(g, parentPath: string.Empty, groups);
        }

        var scopes = new Dictionary<string, ClientScopeModel>(StringComparer.Ordinal);
        foreach (var builtIn in BuiltInClientScopes.All)
        {
            scopes[builtIn.Name] = builtIn;
        }

        foreach (var s in RealmImporter.Items(root, "clientScopes"))
        {
            var scopeName = RealmImporter.Str(s, "name");
            if (string.IsNullOrEmpty(scopeName))
            {
                Error("clientScopes[]", "name", "a client scope needs a name");
                continue;
            }

            var include = !(s.TryGetProperty("attributes", out var attributes)
                && RealmImporter.Str(attributes, "include.in.token.scope") is "false");
            var mappers = Mappers(s, $"clientScopes[{scopeName}]");
            // A real export lists the built-in scopes with their mappers; our built-in definitions already emit those claims.
            scopes[scopeName] = mappers.Count == 0 && scopes.TryGetValue(scopeName, out var existing) ? existing with { IncludeInTokenScope = include } : new ClientScopeModel(scopeName, include, mappers);
        }

        var users = new Dictionary<string, UserModel>(StringComparer.OrdinalIgnoreCase);
        index = 0;
        foreach (var u in RealmImporter.Items(root, "users"))
        {
            var user = ReadUser(u, index++, realmRoles, clientRoles, groups);
            if (user is not null)
            {
                users[user.Username] = user;
            }
        }

        foreach (var client in clients.Values.Where(c => c.ServiceAccountsEnabled))
        {
            var username = $"service-account-{client.ClientId}".ToLowerInvariant();
            if (!users.Values.Any(u => u.ServiceAccountClientId == client.ClientId))
            {
                users[username] = new UserModel { Id = RealmImporter.StableId(realm, "user", username), Username = username, ServiceAccountClientId = client.ClientId };
            }
        }

        var defaultScopes = RealmImporter.Strings(root, "defaultDefaultClientScopes");
        var optionalScopes = RealmImporter.Strings(root, "defaultOptionalClientScopes");
        if (errors.Count > errorCount)
        {
            return null;
        }

        return new RealmModel
        {
            Name = realm,
            Enabled = RealmImporter.Bool(root, "enabled", true),
            SslRequired = RealmImporter.Str(root, "sslRequired") ?? "external",
            AccessTokenLifespan = RealmImporter.Int(root, "accessTokenLifespan", 300),
            SsoSessionIdleTimeout = RealmImporter.Int(root, "ssoSessionIdleTimeout", 1800),
            SsoSessionMaxLifespan = RealmImporter.Int(root, "ssoSessionMaxLifespan", 36000),
            RealmRoles = realmRoles,
            ClientRoles = clientRoles,
            Clients = clients,
            Groups = groups,
            Users = users,
            ClientScopes = scopes,
            DefaultDefaultClientScopes = defaultScopes.Count > 0 ? defaultScopes : ["acr", "basic", "email", "profile", "roles", "web-origins"],
            DefaultOptionalClientScopes = optionalScopes.Count > 0 ? optionalScopes : ["address", "phone", "offline_access", "microprofile-jwt", "organization"],
        };
    }

    /// <summary>Keycloak creates these in every realm; an export may omit them.</summary>
    private void AddBuiltInRoles(Dictionary<string, RoleModel> realmRoles, Dictionary<string, IReadOnlyDictionary<string, RoleModel>> clientRoles)
    {
        realmRoles.TryAdd("offline_access", new RoleModel("offline_access", null, []));
        realmRoles.TryAdd("uma_authorization", new RoleModel("uma_authorization", null, []));
        realmRoles.TryAdd($"default-roles-{realm}", new RoleModel($"default-roles-{realm}", null,
            [new(null, "offline_access"), new(null, "uma_authorization"), new("account", "view-profile"), new("account", "manage-account")]));
        if (!clientRoles.ContainsKey("account"))
        {
            clientRoles["account"] = new Dictionary<string, RoleModel>(StringComparer.Ordinal)
            {
                ["view-profile"] = new("view-profile", "account", []),
                ["manage-account"] = new("manage-account", "account", [new("account", "manage-account-links")]),
                ["manage-account-links"] = new("manage-account-links", "account", []),
            };
        }
    }

    private ClientModel? ReadClient(JsonElement c, int index)
    {
        var clientId = RealmImporter.Str(c, "clientId");
        if (string.IsNullOrEmpty(clientId))
        {
            Error($"clients[{index}]", "clientId", "is required");
            return null;
        }

        var attributes = c.TryGetProperty("attributes", out var a) && a.ValueKind == JsonValueKind.Object
            ? a.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : new Dictionary<string, string>();
        var publicClient = RealmImporter.Bool(c, "publicClient", false);
        var secret = RealmImporter.Str(c, "secret");
        if (!publicClient && !RealmImporter.Bool(c, "bearerOnly", false) && string.IsNullOrEmpty(secret) && RealmImporter.Str(c, "clientAuthenticatorType") is null or "client-secret")
        {
            Error($"clients[{clientId}]", "secret", "a confidential client needs a secret (Keycloak would generate one; set it so the same value can be configured in oauth2-proxy)");
        }

        return new ClientModel
        {
            ClientId = clientId,
            Id = RealmImporter.Str(c, "id") ?? RealmImporter.StableId(realm, "client", clientId),
            Enabled = RealmImporter.Bool(c, "enabled", true),
            PublicClient = publicClient,
            BearerOnly = RealmImporter.Bool(c, "bearerOnly", false),
            Secret = secret,
            RedirectUris = RealmImporter.Strings(c, "redirectUris"),
            WebOrigins = RealmImporter.Strings(c, "webOrigins"),
            StandardFlowEnabled = RealmImporter.Bool(c, "standardFlowEnabled", true),
            DirectAccessGrantsEnabled = RealmImporter.Bool(c, "directAccessGrantsEnabled", false),
            ServiceAccountsEnabled = RealmImporter.Bool(c, "serviceAccountsEnabled", false),
            Mappers = Mappers(c, $"clients[{clientId}]"),
            DefaultClientScopes = c.TryGetProperty("defaultClientScopes", out _) ? RealmImporter.Strings(c, "defaultClientScopes") : null,
            OptionalClientScopes = c.TryGetProperty("optionalClientScopes", out _) ? RealmImporter.Strings(c, "optionalClientScopes") : null,
            Attributes = attributes,
        };
    }

    private void ReadGroup(JsonElement g, string parentPath, Dictionary<string, GroupModel> groups)
    {
        var name = RealmImporter.Str(g, "name");
        if (string.IsNullOrEmpty(name))
        {
            Error($"groups[{parentPath}/?]", "name", "a group needs a name");
            return;
        }

        var path = $"{parentPath}/{name}";
        groups[path] = new GroupModel(name, path, RoleRefs(g));
        foreach (var sub in RealmImporter.Items(g, "subGroups"))
        {
            ReadGroup(sub, path, groups);
        }
    }

    private UserModel? ReadUser(JsonElement u, int index, Dictionary<string, RoleModel> realmRoles,
        Dictionary<string, IReadOnlyDictionary<string, RoleModel>> clientRoles, Dictionary<string, GroupModel> groups)
    {
        var username = RealmImporter.Str(u, "username");
        if (string.IsNullOrEmpty(username))
        {
            Error($"users[{index}]", "username", "is required");
            return null;
        }

        var element = $"users[{username}]";
        var roles = RoleRefs(u);
        foreach (var role in roles)
        {
            var known = role.ClientId is null ? realmRoles.ContainsKey(role.Name) : clientRoles.TryGetValue(role.ClientId, out var cr) && cr.ContainsKey(role.Name);
            if (!known)
            {
                Error(element, role.ClientId is null ? "realmRoles" : $"clientRoles.{role.ClientId}", $"role '{role.Name}' is not defined in the realm");
            }
        }

        var userGroups = RealmImporter.Strings(u, "groups").Select(p => p.StartsWith('/') ? p : "/" + p).ToArray();
        foreach (var group in userGroups.Where(g => !groups.ContainsKey(g)))
        {
            Error(element, "groups", $"group '{group}' is not defined in the realm");
        }

        var credentials = new List<CredentialModel>();
        var i = 0;
        foreach (var c in RealmImporter.Items(u, "credentials"))
        {
            var type = RealmImporter.Str(c, "type") ?? "password";
            if (type != "password")
            {
                Error(element, $"credentials[{i}].type", $"credential type '{type}' is not supported (only password)");
            }

            var credential = new CredentialModel(type, RealmImporter.Str(c, "value"), RealmImporter.Str(c, "secretData"), RealmImporter.Str(c, "credentialData"));
            if (PasswordHasher.Validate(credential) is { } problem)
            {
                Error(element, $"credentials[{i}]", problem);
            }

            credentials.Add(credential);
            i++;
        }

        var attributes = u.TryGetProperty("attributes", out var a) && a.ValueKind == JsonValueKind.Object
            ? a.EnumerateObject().ToDictionary(
                p => p.Name,
                p => (IReadOnlyList<string>)(p.Value.ValueKind == JsonValueKind.Array
                    ? p.Value.EnumerateArray().Select(v => v.ToString()).ToArray()
                    : [p.Value.ToString()]),
                StringComparer.Ordinal)
            : new Dictionary<string, IReadOnlyList<string>>();
        return new UserModel
        {
            Id = RealmImporter.Str(u, "id") ?? RealmImporter.StableId(realm, "user", username.ToLowerInvariant()),
            Username = username.ToLowerInvariant(),
            Enabled = RealmImporter.Bool(u, "enabled", true),
            Email = RealmImporter.Str(u, "email"),
            EmailVerified = RealmImporter.Bool(u, "emailVerified", false),
            FirstName = RealmImporter.Str(u, "firstName"),
            LastName = RealmImporter.Str(u, "lastName"),
            Attributes = attributes,
            Credentials = credentials,
            Roles = roles,
            Groups = userGroups,
            ServiceAccountClientId = RealmImporter.Str(u, "serviceAccountClientId"),
        };
    }

    private static IReadOnlyList<RoleRef> RoleRefs(JsonElement element)
    {
        var refs = RealmImporter.Strings(element, "realmRoles").Select(r => new RoleRef(null, r)).ToList();
        if (element.TryGetProperty("clientRoles", out var cr) && cr.ValueKind == JsonValueKind.Object)
        {
            refs.AddRange(cr.EnumerateObject().SelectMany(c => c.Value.ValueKind == JsonValueKind.Array
                ? c.Value.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => new RoleRef(c.Name, r.GetString()!))
                : []));
        }

        return refs;
    }

    private static IReadOnlyList<RoleRef> Composites(JsonElement role)
    {
        if (!role.TryGetProperty("composites", out var composites) || composites.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var refs = RealmImporter.Strings(composites, "realm").Select(r => new RoleRef(null, r)).ToList();
        if (composites.TryGetProperty("client", out var client) && client.ValueKind == JsonValueKind.Object)
        {
            refs.AddRange(client.EnumerateObject().SelectMany(c => c.Value.EnumerateArray().Select(r => new RoleRef(c.Name, r.GetString()!))));
        }

        return refs;
    }

    private IReadOnlyList<ProtocolMapperModel> Mappers(JsonElement owner, string element)
    {
        var mappers = new List<ProtocolMapperModel>();
        foreach (var m in RealmImporter.Items(owner, "protocolMappers"))
        {
            var type = RealmImporter.Str(m, "protocolMapper");
            var name = RealmImporter.Str(m, "name") ?? type ?? "?";
            if (string.IsNullOrEmpty(type))
            {
                Error($"{element}.protocolMappers[{name}]", "protocolMapper", "the mapper type is required");
                continue;
            }

            var config = m.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object
                ? c.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
                : new Dictionary<string, string>();
            mappers.Add(new ProtocolMapperModel(name, type, config));
        }

        return mappers;
    }

    private void Error(string element, string field, string message) =>
        errors.Add($"{file}: realm '{realm}': {element}: {field}: {message}");
}
