namespace AspireAuth.Mesh.Model;

/// <summary>One <c>http</c> entry of a VirtualService. An empty <see cref="Match"/> matches everything.</summary>
public sealed record HttpRouteModel(
    string? Name,
    IReadOnlyList<HttpMatchRequest> Match,
    IReadOnlyList<RouteDestination> Route,
    HttpRewrite? Rewrite,
    int? DirectResponseStatus,
    string? DirectResponseBody);
