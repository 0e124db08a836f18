using System.CommandLine;
using AspireAuth.Mesh.Authentication;

namespace AspireAuth.DevHost.Commands;

/// <summary><c>--jwks-file &lt;jwksUri&gt;=&lt;file&gt;</c> (repeatable): a JWKS served from a file instead of the network.</summary>
internal static class JwksFileOption
{
    public const string Name = "--jwks-file";

    public static Option<string[]> Create() => new(Name)
    {
        Description = "Answer a jwksUri from a local file instead of fetching it: <jwksUri>=<file>. Repeatable. "
            + "For machines that cannot reach the URI (e.g. the Istio sample JWKS on GitHub when offline).",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Reads and checks the pairs; prints one line per problem to stderr and returns false when there are any.</summary>
    public static bool TryRead(ParseResult parseResult, Option<string[]> option, out IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        files = JwksFileMap.Parse(parseResult.GetValue(option) ?? [], Name, out var errors);
        foreach (var error in errors)
        {
            Console.Error.WriteLine($"error: {error}");
        }

        return errors.Count == 0;
    }
}
