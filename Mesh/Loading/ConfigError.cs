namespace AspireAuth.Mesh.Loading;

/// <summary>One problem in a configuration, naming the file, the document, the field and the offending value.</summary>
public sealed record ConfigError(string File, string Document, string Field, string? Value, string Message)
{
    public override string ToString()
    {
        var value = Value is null ? string.Empty : $" (value: '{Value}')";
        var field = Field.Length == 0 ? string.Empty : $" {Field}:";
        return $"{File}: {Document}:{field} {Message}{value}";
    }
}
