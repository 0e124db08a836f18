using System.Text.Json;
using k8s;
using NJsonSchema;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace AspireAuth.Manifests.Tests;

/// <summary>Every rendered document against the real schemas: Istio's CRDs (fixtures) and the Kubernetes client models.</summary>
public sealed class SchemaValidationTests
{
    private static readonly Lazy<Dictionary<(string Group, string Version, string Kind), JsonSchema>> s_schemas = new(LoadSchemas);

    [Fact]
    public void EveryIstioDocument_ValidatesAgainstTheCrdSchemaOfItsKindAndVersion()
    {
        var bundle = BundleFixture.Render();
        var checkedDocuments = 0;
        foreach (var file in bundle.Files.Where(f => f.Path.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            foreach (var document in Documents(file.Content))
            {
                var apiVersion = document.GetProperty("apiVersion").GetString()!;
                if (!apiVersion.Contains(".istio.io/", StringComparison.Ordinal) || apiVersion.StartsWith("install.", StringComparison.Ordinal))
                {
                    continue;
                }

                var (group, version) = (apiVersion.Split('/')[0], apiVersion.Split('/')[1]);
                var kind = document.GetProperty("kind").GetString()!;
                Assert.True(s_schemas.Value.TryGetValue((group, version, kind), out var schema), $"{file.Path}: no CRD schema for {apiVersion} {kind}");
                var errors = schema.Validate(document.GetProperty("spec").GetRawText());
                Assert.True(errors.Count == 0, $"{file.Path} {kind}: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}");
                checkedDocuments++;
            }
        }

        Assert.Equal(8, checkedDocuments);
    }

    [Fact]
    public void SchemaValidation_CatchesAWrongDocument()
    {
        var schema = s_schemas.Value[("security.istio.io", "v1", "AuthorizationPolicy")];
        Assert.NotEmpty(schema.Validate("""{"action": "PERMIT"}"""));
        Assert.NotEmpty(schema.Validate("""{"rules": [{"to": [{"operation": {"methods": "GET"}}]}]}"""));
    }

    [Fact]
    public void EveryKubernetesDocument_RoundTripsThroughTheKubernetesClientModels()
    {
        var bundle = BundleFixture.Render();
        var count = 0;
        foreach (var file in bundle.Files.Where(f => f.Path.EndsWith(".yaml", StringComparison.Ordinal) && !f.Path.StartsWith("istio", StringComparison.Ordinal) && f.Path != "kustomization.yaml" && f.Path != "40-peer-authentication.yaml"))
        {
            var objects = KubernetesYaml.LoadAllFromString(file.Content);
            Assert.NotEmpty(objects);
            var again = string.Join("---\n", objects.Select(o => KubernetesYaml.Serialize(o).TrimEnd('\n') + "\n"));
            Assert.Equal(file.Content, again);
            count += objects.Count;
        }

        Assert.True(count >= 14, $"only {count} Kubernetes objects");
    }

    private static IEnumerable<JsonElement> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var deserializer = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build();
        foreach (var document in stream.Documents)
        {
            var writer = new StringWriter();
            new YamlStream(document).Save(writer, assignAnchors: false);
            var value = deserializer.Deserialize(new StringReader(writer.ToString()));
            yield return JsonSerializer.SerializeToElement(value);
        }
    }

    private static Dictionary<(string, string, string), JsonSchema> LoadSchemas()
    {
        var result = new Dictionary<(string, string, string), JsonSchema>();
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Fixtures.Istio("crd-all.gen.yaml"))));
        var deserializer = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root || !root.Children.TryGetValue("spec", out var s) || s is not YamlMappingNode spec)
            {
                continue;
            }

            var group = spec["group"].ToString();
            var kind = ((YamlMappingNode)spec["names"])["kind"].ToString();
            foreach (YamlMappingNode version in ((YamlSequenceNode)spec["versions"]).Children.Cast<YamlMappingNode>())
            {
                var specSchema = ((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)version["schema"])["openAPIV3Schema"])["properties"])["spec"];
                var writer = new StringWriter();
                new YamlStream(new YamlDocument(specSchema)).Save(writer, assignAnchors: false);
                var json = JsonSerializer.Serialize(deserializer.Deserialize(new StringReader(writer.ToString())));
                result[(group, version["name"].ToString(), kind)] = JsonSchema.FromJsonAsync(json).GetAwaiter().GetResult();
            }
        }

        return result;
    }
}
