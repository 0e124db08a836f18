namespace AspireAuth.AppHost.Identity;

/// <summary>A URL shown on a resource in the dashboard, relative to the resource's <c>http</c> endpoint.</summary>
/// <param name="Path">Path and query appended to the endpoint's URL.</param>
/// <param name="DisplayText">The link's text.</param>
public sealed record DashboardLink(string Path, string DisplayText);
