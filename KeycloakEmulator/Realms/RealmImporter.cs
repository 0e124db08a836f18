using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AspireAuth.KeycloakEmulator.Realms;

/// <summary>
/// Imports Keycloak RealmRepresentation JSON (a realm export). Fields the emulator does not use are ignored, never
/// rejected, so a real export imports; errors name the file, the realm, the element and the field.
/// </summary>
public static class RealmImporter
{
    /// <summary>Imports every <c>*.json</c> of a folder (or one file).</summary>
    public static IReadOnlyList<RealmModel> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var files = File.Exists(path)
            ? [path]
            : Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray()
                : throw new RealmImportException([$"{path}: no such realm file or folder"]);
        var errors = new List<string>();
        var realms = new List<RealmModel>();
        foreach (var file in files)
        {
            if (Import(file, File.ReadAllText(file), errors) is { } realm)
            {
                if (realms.Any(r => r.Name == realm.Name))
                {
                    errors.Add($"{file}: realm '{realm.Name}': realm: a realm with this name is already imported");
                    continue;
                }

                realms.Add(realm);
            }
        }

        return errors.Count > 0 ? throw new RealmImportException(errors) : realms;
    }

    public static RealmModel Parse(string file, string json)
    {
        var errors = new List<string>();
        var realm = Import(file, json, errors);
        return errors.Count > 0 || realm is null ? throw new RealmImportException(errors) : realm;
    }

    private static RealmModel? Import(string file, string json, List<string> errors)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            errors.Add($"{file}: not valid JSON: {ex.Message}");
            return null;
        }

        var name = Str(root, "realm");
        if (string.IsNullOrEmpty(name))
        {
            errors.Add($"{file}: realm: field 'realm' (the realm name) is required");
            return null;
        }

        var reader = new RealmReader(file, name, errors);
        return reader.Read(root);
    }

    internal static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static bool Bool(JsonElement element, string name, bool fallback) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : fallback;

    internal static int Int(JsonElement element, string name, int fallback) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : fallback;

    internal static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
            : [];

    internal static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    /// <summary>A stable UUID for an entity without an id: derived from the realm and its name.</summary>
    internal static string StableId(string realm, string kind, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{realm}/{kind}/{name}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
