namespace AspireAuth.Manifests;

/// <summary>One file of the bundle, relative to its folder.</summary>
public sealed record ManifestFile(string Path, string Content);

/// <summary>The rendered bundle: files in a stable order, and the values still left as <c>${VAR}</c> placeholders.</summary>
public sealed record ManifestBundle(IReadOnlyList<ManifestFile> Files, IReadOnlyList<string> Placeholders)
{
    /// <summary>Writes the files under <paramref name="directory"/> (created if needed).</summary>
    public void WriteTo(string directory)
    {
        foreach (var file in Files)
        {
            var path = System.IO.Path.Combine(directory, file.Path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
        }
    }
}
