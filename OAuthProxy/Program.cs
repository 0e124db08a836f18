using AspireAuth.OAuthProxy;

var builder = WebApplication.CreateBuilder(args);
var app = OAuthProxyApplication.Build(builder);
app.Run();
