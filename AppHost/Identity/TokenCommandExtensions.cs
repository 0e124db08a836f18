namespace AspireAuth.AppHost.Identity;

/// <summary>
/// Dashboard commands on the identity provider: one per realm user with a plain password, each running the OPEA
/// walkthrough's password grant (<c>POST /realms/&lt;realm&gt;/protocol/openid-connect/token</c>) and showing the access
/// token with its decoded claims.
/// </summary>
public static class TokenCommandExtensions
{
    /// <summary>The command name for a user of a realm.</summary>
    public static string CommandName(string realm, string username) => $"token-{realm}-{username}";

    /// <summary>Adds a token command for every user with a plain password of every realm that has a password-grant client.</summary>
    public static IResourceBuilder<T> WithTokenCommands<T>(this IResourceBuilder<T> builder, IReadOnlyList<RealmExport> realms)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(realms);
        foreach (var realm in realms)
        {
            var client = realm.PasswordGrantClient;
            if (client is null)
            {
                continue;
            }

            foreach (var user in realm.UsersWithPasswords)
            {
                builder.WithTokenCommand(realm.Realm, client.ClientId, user.Username, user.Password!);
            }
        }

        return builder;
    }

    private static void WithTokenCommand<T>(this IResourceBuilder<T> builder, string realm, string clientId, string username, string password)
        where T : IResourceWithEndpoints
    {
        var path = $"/realms/{Uri.EscapeDataString(realm)}/protocol/openid-connect/token";
        builder.WithHttpCommand(
            path,
            $"Token for {username} ({realm})",
            IdentityProviderExtensions.EndpointName,
            CommandName(realm, username),
            new HttpCommandOptions
            {
                Method = HttpMethod.Post,
                Description = $"Password grant for {username} with client '{clientId}'; shows the access token and its claims.",
                IconName = "Key",
                PrepareRequest = context =>
                {
                    context.Request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["grant_type"] = "password",
                        ["client_id"] = clientId,
                        ["username"] = username,
                        ["password"] = password,
                        ["scope"] = "openid",
                    });
                    return Task.CompletedTask;
                },
                GetCommandResult = async context =>
                {
                    var body = await context.Response.Content.ReadAsStringAsync(context.CancellationToken);
                    var result = TokenResponseFormatter.Format(username, realm, clientId, context.Response.StatusCode, body);
                    return result.Success
                        ? CommandResults.Success(result.Message, result.Markdown!, CommandResultFormat.Markdown, displayImmediately: true)
                        : CommandResults.Failure(result.Message);
                },
            });
    }
}
