namespace AspireAuth.Mesh.Loading;

/// <summary>The document being parsed and the shared error list.</summary>
internal sealed class DocumentContext(string file, List<ConfigError> errors)
{
    public string File { get; } = file;

    /// <summary><c>kind/namespace/name</c> once known, else the document's position in the file.</summary>
    public string Document { get; set; } = string.Empty;

    public int ErrorCount => errors.Count;

    public void Error(string field, string? value, string message) =>
        errors.Add(new ConfigError(File, Document, field, value, message));
}
