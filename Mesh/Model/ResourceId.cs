namespace AspireAuth.Mesh.Model;

/// <summary>Where a configuration document came from: its file, kind, namespace and name.</summary>
public sealed record ResourceId(string File, string Kind, string Namespace, string Name)
{
    /// <summary><c>kind/namespace/name</c>, as errors and explanations name a document.</summary>
    public string Document => $"{Kind}/{Namespace}/{Name}";

    /// <summary><c>namespace/name</c>, as Istio names a policy.</summary>
    public string QualifiedName => $"{Namespace}/{Name}";

    public override string ToString() => Document;
}
