using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace AspireAuth.DevHost.Commands;

/// <summary>
/// <c>aspireauth token</c>: a password-grant access token from the emulator or any Keycloak, replacing the OPEA guide's
/// curl-and-jq step. The token goes to stdout alone, so <c>TOKEN=$(aspireauth token --user mary)</c> works.
/// </summary>
internal static class TokenCommand
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "The realm user (e.g. mary or bob).", Required = true };
        var password = new Option<string?>("--password") { Description = "The user's password (default: the emulator realm's documented password, the user name)." };
        var client = new Option<string>("--client") { Description = "The client id.", DefaultValueFactory = _ => "istio" };
        var secret = new Option<string?>("--client-secret") { Description = "The client secret, for a confidential client." };
        var realm = new Option<string>("--realm") { Description = "The realm.", DefaultValueFactory = _ => "istio" };
        var authority = new Option<string>("--authority") { Description = "Keycloak's base URL.", DefaultValueFactory = _ => "http://localhost:8180" };
        var scope = new Option<string>("--scope") { Description = "Requested scopes.", DefaultValueFactory = _ => "openid" };
        var claims = new Option<bool>("--claims") { Description = "Also print the token's decoded header and claims (as JSON, after the token)." };
        var command = new Command("token", "Get an access token for a realm user (password grant).")
        {
            user, password, client, secret, realm, authority, scope, claims,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var username = parseResult.GetValue(user)!;
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = parseResult.GetValue(client)!,
                ["username"] = username,
                ["password"] = parseResult.GetValue(password) ?? username,
                ["scope"] = parseResult.GetValue(scope)!,
            };
            if (parseResult.GetValue(secret) is { Length: > 0 } clientSecret)
            {
                form["client_secret"] = clientSecret;
            }

            var endpoint = $"{parseResult.GetValue(authority)!.TrimEnd('/')}/realms/{Uri.EscapeDataString(parseResult.GetValue(realm)!)}/protocol/openid-connect/token";
            using var http = new HttpClient();
            HttpResponseMessage response;
            try
            {
                using var content = new FormUrlEncodedContent(form);
                response = await http.PostAsync(new Uri(endpoint), content, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                await Console.Error.WriteLineAsync($"error: cannot reach {endpoint}: {ex.Message} (is `aspireauth up` running?)");
                return 1;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    await Console.Error.WriteLineAsync($"error: {endpoint} answered {(int)response.StatusCode}: {body}");
                    return 1;
                }

                using var json = JsonDocument.Parse(body);
                var token = json.RootElement.GetProperty("access_token").GetString()!;
                Console.WriteLine(token);
                if (parseResult.GetValue(claims))
                {
                    var parts = token.Split('.');
                    Console.WriteLine(Pretty(parts[0]));
                    Console.WriteLine(Pretty(parts[1]));
                }

                return 0;
            }
        });
        return command;
    }

    private static string Pretty(string segment)
    {
        var padded = segment.Replace('-', '+').Replace('_', '/').PadRight(segment.Length + ((4 - (segment.Length % 4)) % 4), '=');
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(padded)));
        return JsonSerializer.Serialize(document.RootElement, s_indented);
    }
}
