namespace AspireAuth.Mesh.Authentication;

/// <summary>Where a token was found: a header (by name), a query parameter, or a cookie.</summary>
public enum TokenLocationKind
{
    Header,
    Param,
    Cookie,
}

/// <summary>A token taken from the request, with its location.</summary>
public sealed record ExtractedToken(string Token, TokenLocationKind Kind, string Name);
