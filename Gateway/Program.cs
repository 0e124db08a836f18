using AspireAuth.Gateway;

var builder = WebApplication.CreateBuilder(args);
var app = GatewayApplication.Build(builder);
app.Run();
