namespace AspireAuth.KeycloakEmulator.Realms;

/// <summary>A realm export that cannot be imported; each error names the file, realm, element and field.</summary>
public sealed class RealmImportException(IReadOnlyList<string> errors)
    : Exception("The realm import failed:\n  " + string.Join("\n  ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
