namespace AspireAuth.Mesh.Model;

/// <summary>A Gateway server: port number, protocol and hosts (<c>[namespace/]host</c>).</summary>
public sealed record GatewayServer(int Port, string Protocol, IReadOnlyList<string> Hosts);
