using AspireAuth.KeycloakEmulator;

var builder = WebApplication.CreateBuilder(args);
var app = KeycloakEmulatorApplication.Build(builder);
app.Run();
