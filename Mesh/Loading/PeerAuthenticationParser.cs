using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Loading;

/// <summary>Parses a PeerAuthentication (validated; mTLS modes are not emulated).</summary>
internal static class PeerAuthenticationParser
{
    private static readonly string[] s_modes = ["UNSET", "DISABLE", "PERMISSIVE", "STRICT"];

    public static PeerAuthenticationModel Parse(Node root, DocumentMetadata metadata)
    {
        var spec = root.Field("spec");
        spec.AllowOnly("selector", "mtls", "portLevelMtls");
        var (selector, _) = SelectorParser.Parse(spec);
        var mtls = spec.Field("mtls");
        mtls.AllowOnly("mode");
        var mode = mtls.Field("mode").String();
        if (mode is not null && !s_modes.Contains(mode))
        {
            mtls.Field("mode").Error(mode, "must be one of UNSET, DISABLE, PERMISSIVE, STRICT");
        }

        foreach (var (port, value) in spec.Field("portLevelMtls").Entries())
        {
            value.AllowOnly("mode");
            if (!int.TryParse(port, out var n) || n < 1 || n > 65535)
            {
                value.Error(port, "port must be from 1 to 65535");
            }
        }

        return new PeerAuthenticationModel(metadata.Id, selector, mode);
    }
}
