namespace AspireAuth.Mesh.Model;

/// <summary>An AuthorizationPolicy action.</summary>
public enum PolicyAction
{
    Allow,
    Deny,
    Audit,
    Custom,
}
