using AspireAuth.Mesh.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AspireAuth.Mesh.Loading;

/// <summary>
/// Loads Istio YAML (files, or folders of <c>*.yaml</c>/<c>*.yml</c> read recursively), substitutes <c>${VAR}</c>
/// placeholders, and validates every document, collecting every error before failing.
/// </summary>
public static class MeshConfigLoader
{
    /// <summary>Loads and validates; throws <see cref="ConfigValidationException"/> listing every error.</summary>
    public static MeshConfiguration Load(IEnumerable<string> paths, IReadOnlyDictionary<string, string>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sources = new List<(string File, string Text)>();
        var errors = new List<ConfigError>();
        foreach (var path in paths)
        {
            foreach (var file in ExpandPath(path, errors))
            {
                sources.Add((file, File.ReadAllText(file)));
            }
        }

        return Parse(sources, variables, errors);
    }

    /// <summary>Parses YAML texts already read (file name used in errors only).</summary>
    public static MeshConfiguration Parse(
        IEnumerable<(string File, string Text)> sources,
        IReadOnlyDictionary<string, string>? variables = null,
        List<ConfigError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        errors ??= [];
        var builder = new ConfigurationBuilder();
        foreach (var (file, text) in sources)
        {
            ParseFile(file, Envsubst.Apply(text, variables), builder, errors);
        }

        builder.CheckReferences(errors);
        if (errors.Count > 0)
        {
            throw new ConfigValidationException(errors);
        }

        return builder.Build();
    }

    private static IEnumerable<string> ExpandPath(string path, List<ConfigError> errors)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToArray();
        }

        errors.Add(new ConfigError(path, "-", string.Empty, null, "no such file or folder"));
        return [];
    }

    private static void ParseFile(string file, string text, ConfigurationBuilder builder, List<ConfigError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            errors.Add(new ConfigError(file, $"line {ex.Start.Line}", string.Empty, null, $"invalid YAML: {ex.InnerException?.Message ?? ex.Message}"));
            return;
        }

        for (var i = 0; i < stream.Documents.Count; i++)
        {
            var context = new DocumentContext(file, errors) { Document = $"document {i + 1}" };
            var root = new Node(stream.Documents[i].RootNode, string.Empty, context);
            if (root.IsMissing)
            {
                continue;
            }

            if (!root.IsMapping)
            {
                context.Error(string.Empty, null, "a document must be a mapping");
                continue;
            }

            DocumentDispatcher.Parse(root, builder);
        }
    }
}
