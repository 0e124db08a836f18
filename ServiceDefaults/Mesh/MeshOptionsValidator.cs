using Microsoft.Extensions.Options;

namespace AspireAuth.ServiceDefaults.Mesh;

/// <summary>Checks the <c>Mesh</c> section on start, naming each key that is wrong.</summary>
internal sealed class MeshOptionsValidator : IValidateOptions<MeshOptions>
{
    public ValidateOptionsResult Validate(string? name, MeshOptions options)
    {
        var errors = new List<string>();
        foreach (var path in options.ConfigPaths.Where(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            errors.Add($"Mesh:ConfigPath: '{path}' is neither a file nor a folder.");
        }

        if (!string.IsNullOrEmpty(options.WorkloadsFile) && !File.Exists(options.WorkloadsFile))
        {
            errors.Add($"Mesh:WorkloadsFile: '{options.WorkloadsFile}' does not exist.");
        }

        AspireAuth.Mesh.Authentication.JwksFileMap.Parse(options.JwksFiles, "Mesh:JwksFiles", out var jwksErrors);
        errors.AddRange(jwksErrors);

        if (options.ReloadDelay < TimeSpan.Zero || options.ReloadDelay > TimeSpan.FromSeconds(1.5))
        {
            errors.Add("Mesh:ReloadDelay must be between 0 and 1.5 seconds (edits take effect within 2 seconds).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
