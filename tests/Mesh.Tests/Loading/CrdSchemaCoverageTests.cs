using AspireAuth.Mesh.Loading;
using YamlDotNet.RepresentationModel;

namespace AspireAuth.Mesh.Tests.Loading;

/// <summary>
/// A document using every field Istio's CRD schema defines (fixtures/istio/crd-all.gen.yaml) is never rejected for an
/// unknown field: our field lists are checked against the real schema, not against themselves.
/// </summary>
public sealed class CrdSchemaCoverageTests
{
    private static readonly Lazy<YamlStream> s_crds = new(() =>
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Fixtures.Istio("crd-all.gen.yaml"))));
        return stream;
    });

    [Theory]
    [InlineData("security.istio.io", "AuthorizationPolicy", "v1")]
    [InlineData("security.istio.io", "RequestAuthentication", "v1")]
    [InlineData("security.istio.io", "PeerAuthentication", "v1")]
    [InlineData("networking.istio.io", "Gateway", "v1")]
    [InlineData("networking.istio.io", "VirtualService", "v1")]
    [InlineData("networking.istio.io", "DestinationRule", "v1")]
    public void EveryCrdField_IsAccepted(string group, string kind, string version)
    {
        var schema = SpecSchema(kind, version);
        var spec = Generate(schema, depth: 0);
        var yaml = new YamlStream(new YamlDocument(new YamlMappingNode(
            new YamlScalarNode("apiVersion"), new YamlScalarNode($"{group}/{version}"),
            new YamlScalarNode("kind"), new YamlScalarNode(kind),
            new YamlScalarNode("metadata"), new YamlMappingNode(new YamlScalarNode("name"), new YamlScalarNode("x"), new YamlScalarNode("namespace"), new YamlScalarNode("foo")),
            new YamlScalarNode("spec"), spec)));
        var writer = new StringWriter();
        yaml.Save(writer, assignAnchors: false);

        IReadOnlyList<ConfigError> errors = [];
        try
        {
            MeshConfigLoader.Parse([("all-fields.yaml", writer.ToString())]);
        }
        catch (ConfigValidationException ex)
        {
            errors = ex.Errors;
        }

        Assert.Empty(errors.Where(e => e.Message == "unknown field").Select(e => e.Field));
        Assert.True(CountFields(schema) > 1, "the schema walk found the fields");
    }

    private static YamlMappingNode SpecSchema(string kind, string version)
    {
        foreach (var document in s_crds.Value.Documents)
        {
            if (document.RootNode is not YamlMappingNode root || !root.Children.TryGetValue("spec", out var s) || s is not YamlMappingNode spec)
            {
                continue;
            }

            if (((YamlMappingNode)spec["names"])["kind"].ToString() != kind)
            {
                continue;
            }

            var versions = (YamlSequenceNode)spec["versions"];
            var v = versions.Children.Cast<YamlMappingNode>().Single(x => x["name"].ToString() == version);
            var openApi = (YamlMappingNode)((YamlMappingNode)v["schema"])["openAPIV3Schema"];
            return (YamlMappingNode)((YamlMappingNode)openApi["properties"])["spec"];
        }

        throw new InvalidOperationException($"{kind} {version} is not in the CRD file");
    }

    /// <summary>A value for every property of the schema (one item per list, one entry per map).</summary>
    private static YamlNode Generate(YamlMappingNode schema, int depth)
    {
        var type = schema.Children.TryGetValue("type", out var t) ? t.ToString() : "object";
        if (depth > 8)
        {
            return new YamlScalarNode("x");
        }

        switch (type)
        {
            case "object":
                var result = new YamlMappingNode();
                if (schema.Children.TryGetValue("properties", out var properties))
                {
                    foreach (var (name, property) in ((YamlMappingNode)properties).Children)
                    {
                        result.Add(name, Generate((YamlMappingNode)property, depth + 1));
                    }
                }
                else if (schema.Children.TryGetValue("additionalProperties", out var additional) && additional is YamlMappingNode additionalSchema)
                {
                    result.Add("key", Generate(additionalSchema, depth + 1));
                }

                return result;
            case "array":
                return new YamlSequenceNode(Generate((YamlMappingNode)schema["items"], depth + 1));
            case "integer":
                return new YamlScalarNode("1");
            case "boolean":
                return new YamlScalarNode("false");
            default:
                return new YamlScalarNode("x");
        }
    }

    private static int CountFields(YamlMappingNode schema) =>
        schema.Children.TryGetValue("properties", out var p) ? ((YamlMappingNode)p).Children.Count : 0;
}
