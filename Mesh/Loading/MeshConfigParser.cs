using AspireAuth.Mesh.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AspireAuth.Mesh.Loading;

/// <summary>
/// Reads the MeshConfig fields the emulation uses (<c>rootNamespace</c>, <c>pathNormalization</c>,
/// <c>extensionProviders</c>); other MeshConfig fields are accepted as written.
/// </summary>
internal static class MeshConfigParser
{
    public static void ParseConfigMap(Node root, ConfigurationBuilder builder)
    {
        var meshNode = root.Field("data").Field("mesh");
        var text = meshNode.String();
        if (text is null)
        {
            return;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            meshNode.Error(null, $"invalid YAML in the mesh config: {ex.InnerException?.Message ?? ex.Message}");
            return;
        }

        var document = stream.Documents.FirstOrDefault();
        builder.SetMeshConfig(document is null ? MeshConfigModel.Default : Parse(new Node(document.RootNode, "data.mesh", root.Context)));
    }

    public static MeshConfigModel Parse(Node mesh, params string[] ignore)
    {
        _ = ignore;
        var rootNamespace = mesh.Field("rootNamespace").String() ?? "istio-system";
        var normalizationNode = mesh.Field("pathNormalization");
        normalizationNode.AllowOnly("normalization");
        var normalizationText = normalizationNode.Field("normalization").String() ?? "DEFAULT";
        PathNormalization? normalization = normalizationText switch
        {
            "DEFAULT" or "BASE" => PathNormalization.Base,
            "NONE" => PathNormalization.None,
            "MERGE_SLASHES" => PathNormalization.MergeSlashes,
            "DECODE_AND_MERGE_SLASHES" => PathNormalization.DecodeAndMergeSlashes,
            _ => null,
        };
        if (normalization is null)
        {
            normalizationNode.Field("normalization").Error(normalizationText, "must be one of DEFAULT, NONE, BASE, MERGE_SLASHES, DECODE_AND_MERGE_SLASHES");
        }

        var providers = new Dictionary<string, ExtAuthzHttpProvider>(StringComparer.Ordinal);
        var others = new HashSet<string>(StringComparer.Ordinal);
        var grpc = new HashSet<string>(StringComparer.Ordinal);
        foreach (var provider in mesh.Field("extensionProviders").Items())
        {
            var name = provider.Field("name").String();
            if (string.IsNullOrEmpty(name))
            {
                provider.Field("name").Error(name, "is required");
                continue;
            }

            if (providers.ContainsKey(name) || others.Contains(name))
            {
                provider.Field("name").Error(name, "duplicate extension provider name");
            }

            var http = provider.Field("envoyExtAuthzHttp");
            if (http.IsMissing)
            {
                others.Add(name);
                if (IsUsableGrpc(provider.Field("envoyExtAuthzGrpc")))
                {
                    grpc.Add(name);
                }

                continue;
            }

            if (ExtAuthzProviderParser.Parse(name, http) is { } parsed)
            {
                providers[name] = parsed;
            }
        }

        return new MeshConfigModel(rootNamespace, normalization ?? PathNormalization.Base, providers, others) { GrpcExtAuthzProviders = grpc };
    }

    /// <summary>istiod's ValidateExtensionProviderEnvoyExtAuthzGRPC essentials: a service and a port from 1 to 65535.</summary>
    private static bool IsUsableGrpc(Node grpc)
    {
        if (grpc.IsMissing)
        {
            return false;
        }

        var port = grpc.Field("port").String();
        return !string.IsNullOrEmpty(grpc.Field("service").String())
            && int.TryParse(port, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number is >= 1 and <= 65535;
    }
}
