#pragma warning disable ASPIRECERTIFICATES001 // WithoutHttpsCertificate: plain Redis, as under DevHost.

using AspireAuth.AppHost;
using AspireAuth.AppHost.Identity;
using AspireAuth.AppHost.Publishing;

var builder = DistributedApplication.CreateBuilder(args);
var layout = RepositoryLayout.Find(builder.AppHostDirectory).WithConfiguration(builder.Configuration);
var realms = RealmExport.LoadDirectory(layout.RealmsDirectory);
var values = LocalValues.From(realms, HostPorts.From(builder.Configuration));

// Infrastructure: the Keycloak and Redis containers; or, with Parameters:identity-provider=emulator, no container at all:
// KeycloakEmulator, and OAuthProxy keeps its sessions in cookies.
var containerFree = builder.GetIdentityProviderKind() == IdentityProviderKind.Emulator;
var identity = builder.AddIdentityProvider(layout, realms, values);
var redis = containerFree ? null : builder.AddRedis(ResourceNames.Redis).WithoutHttpsCertificate();

// Services: ChatQnA v1 and v2 for the routing scenarios.
var chatQna = builder.AddChatQna(layout, values);
var chatQnaV2 = builder.AddChatQnaV2(layout, values);

// Proxies: OAuthProxy (browser sign-in, ext_authz) and the ingress gateway in front of everything.
var oauthProxy = builder.AddOAuthProxy(layout, values, identity, redis);
builder.AddGateway(layout, values, identity, oauthProxy, chatQna, chatQnaV2);

// Publish: `aspire publish` writes the Istio bundle rendered from the same config/.
builder.AddIstioBundlePublishing(layout);

builder.Build().Run();
