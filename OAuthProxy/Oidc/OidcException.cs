namespace AspireAuth.OAuthProxy.Oidc;

/// <summary>A provider call failed; <see cref="Fatal"/> when the IdP said invalid_grant or invalid_client.</summary>
public sealed class OidcException(string message, bool fatal) : Exception(message)
{
    public bool Fatal { get; } = fatal;
}
