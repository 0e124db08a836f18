namespace AspireAuth.Mesh.Loading;

/// <summary>Routes a document to the parser of its kind; kinds the emulation does not use are ignored.</summary>
internal static class DocumentDispatcher
{
    private static readonly string[] s_securityVersions = ["security.istio.io/v1", "security.istio.io/v1beta1"];
    private static readonly string[] s_networkingVersions = ["networking.istio.io/v1", "networking.istio.io/v1beta1", "networking.istio.io/v1alpha3"];

    public static void Parse(Node root, ConfigurationBuilder builder)
    {
        var apiVersion = root.Field("apiVersion").String();
        var kind = root.Field("kind").String();
        if (apiVersion is null && kind is null)
        {
            if (root.Has("extensionProviders") || root.Has("rootNamespace") || root.Has("pathNormalization"))
            {
                root.Context.Document = "MeshConfig";
                builder.SetMeshConfig(MeshConfigParser.Parse(root));
            }

            return;
        }

        if (kind == "MeshConfig")
        {
            root.Context.Document = "MeshConfig";
            builder.SetMeshConfig(MeshConfigParser.Parse(root.Has("spec") ? root.Field("spec") : root, ignore: ["apiVersion", "kind", "metadata"]));
            return;
        }

        if (apiVersion == "v1" && kind == "ConfigMap")
        {
            var metadata = MetadataParser.Parse(root, kind);
            if (metadata.Name == "istio" && root.Field("data").Has("mesh"))
            {
                MeshConfigParser.ParseConfigMap(root, builder);
            }

            return;
        }

        if (s_securityVersions.Contains(apiVersion))
        {
            switch (kind)
            {
                case "RequestAuthentication":
                    builder.Add(RequestAuthenticationParser.Parse(root, MetadataParser.Parse(root, kind)));
                    return;
                case "AuthorizationPolicy":
                    builder.Add(AuthorizationPolicyParser.Parse(root, MetadataParser.Parse(root, kind)));
                    return;
                case "PeerAuthentication":
                    builder.Add(PeerAuthenticationParser.Parse(root, MetadataParser.Parse(root, kind)));
                    return;
            }
        }

        if (s_networkingVersions.Contains(apiVersion))
        {
            switch (kind)
            {
                case "Gateway":
                    builder.Add(GatewayParser.Parse(root, MetadataParser.Parse(root, kind)));
                    return;
                case "VirtualService":
                    builder.Add(VirtualServiceParser.Parse(root, MetadataParser.Parse(root, kind)));
                    return;
                case "DestinationRule":
                    builder.Add(DestinationRuleParser.Parse(root, MetadataParser.Parse(root, kind)));
                    return;
            }
        }
    }
}
