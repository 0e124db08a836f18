namespace AspireAuth.Mesh.Evaluation;

/// <summary>The filter that produced the response.</summary>
public enum DecisionStage
{
    /// <summary>The HCM rejected the path before any filter: 400 (normalisation) or 404 (not a relative path).</summary>
    Normalization,

    /// <summary>The CUSTOM ext_authz check denied or failed.</summary>
    Custom,

    /// <summary>jwt_authn rejected the token (401/403).</summary>
    Authentication,

    /// <summary>RBAC denied (403).</summary>
    Authorization,

    /// <summary>Routing answered (404 no route, 503 no cluster, direct response).</summary>
    Routing,

    /// <summary>The request is forwarded upstream.</summary>
    Forwarded,
}
