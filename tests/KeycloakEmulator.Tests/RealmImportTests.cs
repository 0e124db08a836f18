using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using AspireAuth.KeycloakEmulator.Realms;
using Konscious.Security.Cryptography;

namespace AspireAuth.KeycloakEmulator.Tests;

public sealed class RealmImportTests
{
    [Fact]
    public void RealExportShape_WithFieldsWeIgnore_Imports()
    {
        var realm = RealmImporter.Parse("export.json", """
            {
              "id": "4f1c...", "realm": "chatqna", "displayName": "ChatQnA", "enabled": true, "sslRequired": "external",
              "keycloakVersion": "26.0.7", "bruteForceProtected": false, "components": {"org.keycloak.keys.KeyProvider": []},
              "authenticationFlows": [{"alias": "browser", "authenticationExecutions": []}], "requiredActions": [],
              "browserSecurityHeaders": {"xFrameOptions": "SAMEORIGIN"}, "smtpServer": {}, "eventsListeners": ["jboss-logging"],
              "roles": {"realm": [{"name": "user", "composite": false, "clientRole": false, "containerId": "x", "attributes": {}}],
                        "client": {"chatqna": [{"name": "user", "composite": false, "clientRole": true}]}},
              "groups": [{"id": "g1", "name": "eng", "path": "/eng", "subGroups": [{"name": "backend", "path": "/eng/backend", "realmRoles": ["user"], "subGroups": []}]}],
              "defaultRole": {"name": "default-roles-chatqna", "composite": true},
              "users": [{"id": "7b7c2f4e-0000-4000-8000-000000000001", "createdTimestamp": 1700000000000, "username": "Mary", "enabled": true, "totp": false,
                         "emailVerified": false, "email": "mary@example.com", "attributes": {"team": ["blue"]}, "disableableCredentialTypes": [],
                         "requiredActions": [], "notBefore": 0, "groups": ["/eng/backend"], "realmRoles": ["default-roles-chatqna"],
                         "credentials": [{"type": "password", "value": "pw", "temporary": false}]}],
              "clients": [{"id": "c1", "clientId": "chatqna", "surrogateAuthRequired": false, "secret": "s", "redirectUris": ["/*"],
                           "attributes": {"rootUrl": "http://localhost:8080"}, "authenticationFlowBindingOverrides": {}, "nodeReRegistrationTimeout": -1,
                           "protocolMappers": [{"id": "m", "name": "team", "protocol": "openid-connect", "protocolMapper": "oidc-usermodel-attribute-mapper",
                                               "consentRequired": false, "config": {"user.attribute": "team", "claim.name": "team", "access.token.claim": "true", "jsonType.label": "String"}}]}],
              "clientScopes": [{"id": "s1", "name": "profile", "protocol": "openid-connect", "attributes": {"include.in.token.scope": "true"}}],
              "defaultDefaultClientScopes": ["profile", "roles", "basic"], "defaultOptionalClientScopes": ["offline_access"]
            }
            """);

        Assert.Equal("chatqna", realm.Name);
        var mary = realm.Users["mary"];
        Assert.Equal("7b7c2f4e-0000-4000-8000-000000000001", mary.Id);
        Assert.Equal(["/eng/backend"], mary.Groups);
        Assert.True(realm.Groups.ContainsKey("/eng/backend"));
        Assert.Contains(realm.Clients["chatqna"].Mappers, m => m.Type == "oidc-usermodel-attribute-mapper");
        Assert.Equal(["profile", "roles", "basic"], realm.DefaultDefaultClientScopes);
        Assert.True(realm.ClientScopes["profile"].Mappers.Count > 0, "a scope listed without mappers keeps Keycloak's built-in mappers");
        Assert.True(RedirectUriMatcher.Matches(realm.Clients["chatqna"], "http://localhost:8080/oauth2/callback"));
    }

    [Fact]
    public void ImportErrors_NameTheRealmElementAndField()
    {
        var ex = Assert.Throws<RealmImportException>(() => RealmImporter.Parse("bad.json", """
            {"realm": "r",
             "clients": [{"clientId": "web"}, {"name": "no id"}],
             "users": [{"username": "ann", "realmRoles": ["ghost"], "groups": ["/nowhere"],
                        "credentials": [{"type": "otp", "value": "1"}, {"type": "password", "secretData": "{}", "credentialData": "{\"algorithm\":\"md5\"}"}]}]}
            """));
        Assert.Contains("bad.json: realm 'r': clients[web]: secret: a confidential client needs a secret (Keycloak would generate one; set it so the same value can be configured in oauth2-proxy)", ex.Errors);
        Assert.Contains("bad.json: realm 'r': clients[1]: clientId: is required", ex.Errors);
        Assert.Contains("bad.json: realm 'r': users[ann]: realmRoles: role 'ghost' is not defined in the realm", ex.Errors);
        Assert.Contains("bad.json: realm 'r': users[ann]: groups: group '/nowhere' is not defined in the realm", ex.Errors);
        Assert.Contains("bad.json: realm 'r': users[ann]: credentials[0].type: credential type 'otp' is not supported (only password)", ex.Errors);
        Assert.Contains(ex.Errors, e => e.StartsWith("bad.json: realm 'r': users[ann]: credentials[1]:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://localhost:8080/*", "http://localhost:8080/oauth2/callback?x=1", true)]
    [InlineData("http://localhost:8080/*", "http://localhost:8080", true)]
    [InlineData("http://localhost:8080/app/*", "http://localhost:8080/other", false)]
    [InlineData("http://localhost:8080/cb", "http://localhost:8080/cb", true)]
    [InlineData("http://localhost:8080/cb", "http://localhost:8080/cb/", false)]
    [InlineData("http://localhost:8080/cb", "http://localhost:8080/cb?x=1", false)]
    [InlineData("*", "https://anything.example/x", true)]
    [InlineData("http://*.localhost:8080/*", "http://chatqna.localhost:8080/x", false)]
    [InlineData("http://localhost:8080/*", "http://localhost:8080/a#frag", false)]
    public void RedirectUris_FollowKeycloaksWildcardRules(string registered, string requested, bool matches)
    {
        var client = new ClientModel { ClientId = "c", Id = "c", RedirectUris = [registered] };
        Assert.Equal(matches, RedirectUriMatcher.Matches(client, requested));
    }

    [Fact]
    public async Task HashedCredentials_Pbkdf2AndArgon2_Authenticate()
    {
        var pbkdf2 = PasswordHasher.HashPbkdf2Sha256("s3cret");
        var salt = RandomNumberGenerator.GetBytes(16);
        using var argon = new Argon2id("an0ther"u8.ToArray()) { Salt = salt, Iterations = 2, MemorySize = 1024, DegreeOfParallelism = 1 };
        var argonHash = argon.GetBytes(32);
        var realm = KeycloakServer.WriteRealm(JsonSerializer.Serialize(new
        {
            realm = "hashed",
            clients = new[] { new { clientId = "cli", publicClient = true, directAccessGrantsEnabled = true } },
            users = new object[]
            {
                new { username = "p", credentials = new[] { new { type = "password", secretData = pbkdf2.SecretData, credentialData = pbkdf2.CredentialData } } },
                new
                {
                    username = "a",
                    credentials = new[]
                    {
                        new
                        {
                            type = "password",
                            secretData = JsonSerializer.Serialize(new { value = Convert.ToBase64String(argonHash), salt = Convert.ToBase64String(salt), additionalParameters = new { } }),
                            credentialData = """{"hashIterations":-1,"algorithm":"argon2","additionalParameters":{"hashLength":["32"],"memory":["1024"],"type":["id"],"version":["1.3"],"iterations":["2"],"parallelism":["1"]}}""",
                        },
                    },
                },
            },
        }));
        await using var kc = await KeycloakServer.StartAsync(realm);
        Assert.Equal(HttpStatusCode.OK, (await kc.TokenAsync("hashed", ("grant_type", "password"), ("client_id", "cli"), ("username", "p"), ("password", "s3cret"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await kc.TokenAsync("hashed", ("grant_type", "password"), ("client_id", "cli"), ("username", "p"), ("password", "S3cret"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await kc.TokenAsync("hashed", ("grant_type", "password"), ("client_id", "cli"), ("username", "a"), ("password", "an0ther"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await kc.TokenAsync("hashed", ("grant_type", "password"), ("client_id", "cli"), ("username", "a"), ("password", "other"))).Status);
    }

    [Fact]
    public async Task Hostname_FixesTheIssuer_AndKeysPersistAcrossRestarts()
    {
        var keys = Directory.CreateTempSubdirectory("kc-keys-").FullName;
        var settings = new Dictionary<string, string?> { ["Keycloak:Hostname"] = "http://localhost:8180", ["Keycloak:KeysPath"] = keys };
        string kid;
        string refreshKid;
        await using (var first = await KeycloakServer.StartAsync(settings: settings))
        {
            var body = (await first.PasswordAsync("mary", "mary")).Body;
            var token = body.GetProperty("access_token").GetString()!;
            Assert.Equal("http://localhost:8180/realms/istio", KeycloakServer.Claims(token).GetProperty("iss").GetString());
            kid = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).Kid;
            refreshKid = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(body.GetProperty("refresh_token").GetString()!).Kid;
        }

        await using var second = await KeycloakServer.StartAsync(settings: settings);
        var againBody = (await second.PasswordAsync("mary", "mary")).Body;
        Assert.Equal(kid, new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(againBody.GetProperty("access_token").GetString()!).Kid);
        Assert.Equal(refreshKid, new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(againBody.GetProperty("refresh_token").GetString()!).Kid);
    }
}
