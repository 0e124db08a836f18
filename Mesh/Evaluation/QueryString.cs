namespace AspireAuth.Mesh.Evaluation;

/// <summary>Query string helpers on a <c>:path</c>.</summary>
public static class QueryString
{
    /// <summary>The path without its query string and fragment.</summary>
    public static string PathOnly(string path)
    {
        var end = path.IndexOfAny(['?', '#']);
        return end < 0 ? path : path[..end];
    }

    /// <summary>The query string including its <c>?</c>, or empty.</summary>
    public static string Query(string path)
    {
        var q = path.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? string.Empty : path[q..];
    }

    /// <summary>The first value of <paramref name="name"/>, URL-decoded; null when absent.</summary>
    public static string? FirstValue(string path, string name)
    {
        foreach (var (key, value) in Pairs(path))
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    public static IEnumerable<(string Key, string Value)> Pairs(string path)
    {
        var query = Query(path);
        if (query.Length <= 1)
        {
            yield break;
        }

        var hash = query.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            query = query[..hash];
        }

        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            yield return (key, value);
        }
    }

    /// <summary>The path with every <paramref name="name"/> parameter removed (Envoy strips a query token).</summary>
    public static string Remove(string path, string name)
    {
        var q = path.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            return path;
        }

        var kept = path[(q + 1)..].Split('&').Where(pair =>
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            return Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]) != name;
        }).ToArray();
        return kept.Length == 0 ? path[..q] : path[..q] + "?" + string.Join('&', kept);
    }
}
