using System.Text.Json;

namespace AspireAuth.Mesh.Authentication;

/// <summary>
/// A verified payload as authorization sees it (<c>metadata[jwt_authn][payload]</c>): top-level string claims named in
/// <c>scope</c>, <c>permission</c> and <c>spaceDelimitedClaims</c> are split on spaces and replaced by the list.
/// </summary>
public sealed class ClaimSet
{
    private readonly Dictionary<string, string[]> _split;

    public ClaimSet(JsonElement payload, IEnumerable<string> spaceDelimitedClaims)
    {
        Payload = payload;
        _split = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var name in spaceDelimitedClaims.Append("scope").Append("permission").Distinct(StringComparer.Ordinal))
        {
            if (payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                _split[name] = value.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    public JsonElement Payload { get; }

    public string? Issuer => StringOf("iss");

    public string? Subject => StringOf("sub");

    /// <summary>The string values at <paramref name="path"/>: the string itself, or the string elements of a list.</summary>
    public IReadOnlyList<string>? Strings(IReadOnlyList<string> path)
    {
        if (path.Count == 1 && _split.TryGetValue(path[0], out var split))
        {
            return split;
        }

        var current = Payload;
        foreach (var segment in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => [current.GetString()!],
            JsonValueKind.Array => current.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray(),
            _ => [],
        };
    }

    /// <summary>The raw JSON at <paramref name="path"/>, for explanations.</summary>
    public string Describe(IReadOnlyList<string> path)
    {
        if (path.Count == 1 && _split.TryGetValue(path[0], out var split))
        {
            return "[" + string.Join(", ", split) + "]";
        }

        var current = Payload;
        foreach (var segment in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return "(no such claim)";
            }
        }

        return current.ValueKind == JsonValueKind.Array
            ? "[" + string.Join(", ", current.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())) + "]"
            : current.ValueKind == JsonValueKind.String ? current.GetString()! : current.GetRawText();
    }

    private string? StringOf(string name) =>
        Payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
