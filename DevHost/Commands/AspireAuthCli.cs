using System.CommandLine;

namespace AspireAuth.DevHost.Commands;

/// <summary>The <c>aspireauth</c> command line: <c>up</c> (the default) and the other commands.</summary>
public static class AspireAuthCli
{
    /// <summary>Builds the root command with every sub-command.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("AspireAuth: Istio, Keycloak and oauth2-proxy semantics on a laptop, without containers.");
        root.Subcommands.Add(UpCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(ManifestsCommand.Create());
        return root;
    }

    /// <summary>Parses and runs the command line; with no sub-command, runs <c>up</c>.</summary>
    public static Task<int> InvokeAsync(string[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = CreateRootCommand();
        // Commands that run until stopped (up) handle Ctrl+C and SIGTERM themselves, so a clean stop exits with 0.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
        var parseResult = root.Parse(WithDefaultCommand(root, args));
        if (parseResult.Errors.Count > 0)
        {
            // Bad arguments exit with 2 (check's contract), naming each problem.
            foreach (var error in parseResult.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            Console.Error.WriteLine($"Run '{root.Name} {parseResult.CommandResult.Command.Name} --help' for usage.");
            return Task.FromResult(2);
        }

        return parseResult.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>Puts <c>up</c> in front of the arguments unless they name a sub-command or ask for help or version.</summary>
    internal static string[] WithDefaultCommand(RootCommand root, string[] args)
    {
        if (args.Length > 0)
        {
            var first = args[0];
            var isSubcommand = root.Subcommands.Any(c => c.Name == first || c.Aliases.Contains(first));
            var isRootOption = first is "-h" or "--help" or "-?" or "/?" or "--version";
            if (isSubcommand || isRootOption)
            {
                return args;
            }
        }

        return [UpCommand.Name, .. args];
    }
}
