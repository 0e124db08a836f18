using AspireAuth.ChatQnaStub;

var builder = WebApplication.CreateBuilder(args);
var app = ChatQnaStubApplication.Build(builder);
app.Run();
