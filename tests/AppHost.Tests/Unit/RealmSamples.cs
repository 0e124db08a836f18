using AspireAuth.AppHost.Identity;

namespace AspireAuth.AppHost.Tests.Unit;

/// <summary>Realm exports built in code for the unit tests.</summary>
internal static class RealmSamples
{
    public static RealmExport Istio { get; } = new(
        "istio-realm.json",
        "istio",
        [new RealmUser("mary", "mary-pw", true), new RealmUser("bob", "bob-pw", true)],
        [
            new RealmClient("istio", true, PublicClient: true, DirectAccessGrantsEnabled: true, StandardFlowEnabled: true, null, []),
            new RealmClient("account", true, PublicClient: true, DirectAccessGrantsEnabled: false, StandardFlowEnabled: true, null, ["/realms/istio/account/*"]),
            new RealmClient("chatqna", true, PublicClient: false, DirectAccessGrantsEnabled: false, StandardFlowEnabled: true, "s3cret",
                ["http://chatqna.localhost:8080/*", "http://chatqna.localhost:8080/oauth2/callback"]),
        ]);

    public static RealmExport NoBrowserClient { get; } = new(
        "other.json", "other", [], [new RealmClient("cli", true, true, true, false, null, [])]);
}
