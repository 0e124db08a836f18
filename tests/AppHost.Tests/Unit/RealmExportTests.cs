using AspireAuth.AppHost.Identity;

namespace AspireAuth.AppHost.Tests.Unit;

public class RealmExportTests
{
    // Shaped like a Keycloak 26 export: fields the AppHost ignores are present and must not bother it.
    private const string Export = """
        {
          "id": "0b3c5a1e-istio",
          "realm": "istio",
          "enabled": true,
          "sslRequired": "none",
          "accessTokenLifespan": 300,
          "roles": { "realm": [ { "name": "user" }, { "name": "viewer" } ] },
          "users": [
            { "username": "mary", "enabled": true, "realmRoles": ["user"],
              "credentials": [ { "type": "password", "value": "mary-pw", "temporary": false } ] },
            { "username": "bob", "enabled": true,
              "credentials": [ { "type": "otp", "value": "x" }, { "type": "password", "value": "bob-pw" } ] },
            { "username": "hashed", "enabled": true,
              "credentials": [ { "type": "password", "secretData": "{\"value\":\"abc\"}", "credentialData": "{}" } ] },
            { "username": "ghost", "credentials": [ { "type": "password", "value": "pw" } ] }
          ],
          "clients": [
            { "clientId": "account", "publicClient": true, "redirectUris": ["/realms/istio/account/*"] },
            { "clientId": "istio", "publicClient": true, "directAccessGrantsEnabled": true },
            { "clientId": "chatqna", "secret": "s3cret", "standardFlowEnabled": true,
              "redirectUris": ["http://chatqna.localhost:8080/oauth2/callback"], "protocolMappers": [] }
          ]
        }
        """;

    [Fact]
    public void Parse_ReadsRealmUsersAndClients_WithKeycloakDefaults()
    {
        var realm = RealmExport.Parse("istio-realm.json", Export);

        Assert.Equal("istio", realm.Realm);
        Assert.Equal(["mary", "bob", "hashed", "ghost"], realm.Users.Select(u => u.Username));
        Assert.Equal("bob-pw", realm.Users[1].Password);
        Assert.Null(realm.Users[2].Password);
        Assert.False(realm.Users[3].Enabled); // Keycloak imports a user without "enabled" as disabled
        var account = realm.Clients[0];
        Assert.True(account.Enabled);
        Assert.True(account.StandardFlowEnabled);
        Assert.False(account.DirectAccessGrantsEnabled);
        Assert.Equal("s3cret", realm.Clients[2].Secret);
        Assert.False(realm.Clients[2].PublicClient);
    }

    [Fact]
    public void PasswordGrantClientAndUsers_AreThoseATokenCommandCanUse()
    {
        var realm = RealmExport.Parse("istio-realm.json", Export);

        Assert.Equal("istio", realm.PasswordGrantClient?.ClientId);
        Assert.Equal(["mary", "bob"], realm.UsersWithPasswords.Select(u => u.Username));
    }

    [Theory]
    [InlineData("""{ "users": [] }""", "realm '(unnamed)': realm is required")]
    [InlineData("""{ "realm": "r", "users": {} }""", "realm 'r': users must be an array")]
    [InlineData("""{ "realm": "r", "users": [ { "enabled": true } ] }""", "realm 'r': users[0].username is required")]
    [InlineData("""{ "realm": "r", "clients": [ { "clientId": "c", "publicClient": "yes" } ] }""", "realm 'r': clients[0].publicClient must be true or false")]
    [InlineData("""{ "realm": "r", "clients": [ { "clientId": "c", "redirectUris": [ 1 ] } ] }""", "realm 'r': clients[0].redirectUris[0] must be a string")]
    [InlineData("""{ "realm": "r", "users": [ { "username": "u", "credentials": [ "pw" ] } ] }""", "realm 'r': users[0].credentials[0] must be an object")]
    public void Parse_RejectsBadInput_NamingFileRealmAndField(string json, string expected)
    {
        var ex = Assert.Throws<InvalidDataException>(() => RealmExport.Parse("config/realms/r.json", json));

        Assert.Equal($"config/realms/r.json: {expected}", ex.Message);
    }

    [Fact]
    public void Parse_RejectsInvalidJson_NamingTheFile()
    {
        var ex = Assert.Throws<InvalidDataException>(() => RealmExport.Parse("broken.json", "{ \"realm\": "));

        Assert.StartsWith("broken.json: not a realm export: invalid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_ReadsEveryJsonInNameOrder_AndNothingWhenAbsent()
    {
        var directory = TestPaths.NewTempDirectory();
        try
        {
            File.WriteAllText(Path.Combine(directory, "b.json"), """{ "realm": "b" }""");
            File.WriteAllText(Path.Combine(directory, "a.json"), """{ "realm": "a" }""");
            File.WriteAllText(Path.Combine(directory, "notes.txt"), "not a realm");

            Assert.Equal(["a", "b"], RealmExport.LoadDirectory(directory).Select(r => r.Realm));
            Assert.Empty(RealmExport.LoadDirectory(Path.Combine(directory, "missing")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void TheRepositorysRealms_AllRead()
    {
        // Whatever config/realms/ holds must be readable by the AppHost, or `dotnet run --project AppHost` stops at startup.
        var realms = RealmExport.LoadDirectory(TestPaths.Layout.RealmsDirectory);

        Assert.All(realms, r => Assert.False(string.IsNullOrEmpty(r.Realm)));
    }
}
