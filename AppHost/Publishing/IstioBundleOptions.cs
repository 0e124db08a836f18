using Microsoft.Extensions.Configuration;

namespace AspireAuth.AppHost.Publishing;

/// <summary>
/// The <c>IstioBundle</c> configuration section of the publish step, mapped onto <c>aspireauth manifests</c>'s options:
/// <c>IstioBundle:Values</c> (<c>--values</c>, relative to the repository root), <c>IstioBundle:Namespace</c>
/// (<c>--namespace</c>), <c>IstioBundle:Strict</c> (<c>--strict</c>: refuse to render while placeholders remain).
/// </summary>
public sealed record IstioBundleOptions(string? ValuesFile, string? Namespace, bool Strict)
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "IstioBundle";

    /// <summary>Reads the section; a <c>Strict</c> that is not a boolean is rejected naming the key.</summary>
    public static IstioBundleOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var strictText = section["Strict"];
        var strict = false;
        if (!string.IsNullOrWhiteSpace(strictText) && !bool.TryParse(strictText, out strict))
        {
            throw new InvalidOperationException($"{SectionName}:Strict is '{strictText}': use true or false.");
        }

        return new IstioBundleOptions(
            string.IsNullOrWhiteSpace(section["Values"]) ? null : section["Values"],
            string.IsNullOrWhiteSpace(section["Namespace"]) ? null : section["Namespace"],
            strict);
    }
}
