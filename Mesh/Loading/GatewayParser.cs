using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Loading;

/// <summary>Parses a networking Gateway.</summary>
internal static class GatewayParser
{
    public static GatewayModel Parse(Node root, DocumentMetadata metadata)
    {
        var spec = root.Field("spec");
        spec.AllowOnly("selector", "servers");
        var selector = spec.Field("selector").StringMap();
        var serversNode = spec.Field("servers");
        if (serversNode.IsMissing || serversNode.Raw is YamlDotNet.RepresentationModel.YamlSequenceNode { Children.Count: 0 })
        {
            // istiod ValidateGateway.
            serversNode.Error(serversNode.IsMissing ? null : "[]", "gateway must have at least one server");
        }

        var servers = serversNode.Items().Select(server =>
        {
            server.AllowOnly("port", "bind", "hosts", "tls", "defaultEndpoint", "name");
            var port = server.Field("port");
            port.AllowOnly("number", "protocol", "name", "targetPort");
            var number = port.Field("number").Int(1, 65535);
            if (port.IsMissing)
            {
                port.Error(null, "is required");
            }

            var hosts = server.Field("hosts").StringList() ?? [];
            if (hosts.Count == 0)
            {
                server.Field("hosts").Error(null, "at least one host is required");
            }

            return new GatewayServer(number ?? 0, port.Field("protocol").String() ?? "HTTP", hosts);
        }).ToArray();
        return new GatewayModel(metadata.Id, new WorkloadSelector(selector), servers);
    }
}
