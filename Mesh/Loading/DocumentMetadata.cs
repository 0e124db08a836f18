namespace AspireAuth.Mesh.Loading;

/// <summary>The metadata fields the emulation uses.</summary>
internal sealed record DocumentMetadata(
    Model.ResourceId Id,
    IReadOnlyDictionary<string, string> Annotations)
{
    public string Name => Id.Name;

    public string Namespace => Id.Namespace;
}
