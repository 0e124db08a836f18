using System.Text.Json;

namespace AspireAuth.AppHost.Identity;

/// <summary>
/// What the AppHost needs from a Keycloak realm export (<c>RealmRepresentation</c> JSON in <c>config/realms/</c>): the
/// realm's name, its users with plain passwords (for the dashboard's token commands) and its clients. Every other field
/// is ignored, so a real export reads.
/// </summary>
public sealed record RealmExport(string File, string Realm, IReadOnlyList<RealmUser> Users, IReadOnlyList<RealmClient> Clients)
{
    /// <summary>The client the token commands use: the first enabled public client allowing the password grant.</summary>
    public RealmClient? PasswordGrantClient =>
        Clients.FirstOrDefault(c => c.Enabled && c.PublicClient && c.DirectAccessGrantsEnabled);

    /// <summary>The users a token command can sign in: enabled, with a plain password.</summary>
    public IEnumerable<RealmUser> UsersWithPasswords => Users.Where(u => u.Enabled && u.Password is not null);

    /// <summary>Every <c>*.json</c> of <paramref name="directory"/> in ordinal name order; none when it does not exist.</summary>
    public static IReadOnlyList<RealmExport> LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.GetFiles(directory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(file => Parse(file, System.IO.File.ReadAllText(file)))
            .ToArray();
    }

    /// <summary>Reads one export; a malformed one is rejected naming the file, the realm and the field.</summary>
    public static RealmExport Parse(string file, string json)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{file}: not a realm export: invalid JSON ({ex.Message})", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{file}: not a realm export: the document is not a JSON object");
            }

            var realm = RequiredString(root, "realm", file, "(unnamed)", "realm");
            var users = Items(root, "users", file, realm)
                .Select((user, i) => ReadUser(user, file, realm, i))
                .ToArray();
            var clients = Items(root, "clients", file, realm)
                .Select((client, i) => ReadClient(client, file, realm, i))
                .ToArray();
            return new RealmExport(file, realm, users, clients);
        }
    }

    private static RealmUser ReadUser(JsonElement user, string file, string realm, int index)
    {
        var field = $"users[{index}]";
        RequireObject(user, file, realm, field);
        var username = RequiredString(user, "username", file, realm, $"{field}.username");
        string? password = null;
        var credentials = Items(user, "credentials", file, realm, $"{field}.credentials").ToArray();
        for (var i = 0; i < credentials.Length && password is null; i++)
        {
            RequireObject(credentials[i], file, realm, $"{field}.credentials[{i}]");
            if (OptionalString(credentials[i], "type", file, realm, $"{field}.credentials[{i}].type") == "password")
            {
                password = OptionalString(credentials[i], "value", file, realm, $"{field}.credentials[{i}].value");
            }
        }

        return new RealmUser(username, password, OptionalBool(user, "enabled", false, file, realm, $"{field}.enabled"));
    }

    private static RealmClient ReadClient(JsonElement client, string file, string realm, int index)
    {
        var field = $"clients[{index}]";
        RequireObject(client, file, realm, field);
        var redirectUris = Items(client, "redirectUris", file, realm, $"{field}.redirectUris")
            .Select((uri, i) => uri.ValueKind == JsonValueKind.String
                ? uri.GetString()!
                : throw Invalid(file, realm, $"{field}.redirectUris[{i}]", "must be a string"))
            .ToArray();
        return new RealmClient(
            RequiredString(client, "clientId", file, realm, $"{field}.clientId"),
            OptionalBool(client, "enabled", true, file, realm, $"{field}.enabled"),
            OptionalBool(client, "publicClient", false, file, realm, $"{field}.publicClient"),
            OptionalBool(client, "directAccessGrantsEnabled", false, file, realm, $"{field}.directAccessGrantsEnabled"),
            OptionalBool(client, "standardFlowEnabled", true, file, realm, $"{field}.standardFlowEnabled"),
            OptionalString(client, "secret", file, realm, $"{field}.secret"),
            redirectUris);
    }

    private static void RequireObject(JsonElement element, string file, string realm, string field)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(file, realm, field, "must be an object");
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement parent, string name, string file, string realm, string? field = null)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().ToArray()
            : throw Invalid(file, realm, field ?? name, "must be an array");
    }

    private static string RequiredString(JsonElement parent, string name, string file, string realm, string field) =>
        OptionalString(parent, name, file, realm, field) is { Length: > 0 } value
            ? value
            : throw Invalid(file, realm, field, "is required");

    private static string? OptionalString(JsonElement parent, string name, string file, string realm, string field)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Invalid(file, realm, field, "must be a string");
    }

    private static bool OptionalBool(JsonElement parent, string name, bool defaultValue, string file, string realm, string field)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return defaultValue;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(file, realm, field, "must be true or false"),
        };
    }

    private static InvalidDataException Invalid(string file, string realm, string field, string problem) =>
        new($"{file}: realm '{realm}': {field} {problem}");
}
