using AspireAuth.DevHost.Commands;

return await AspireAuthCli.InvokeAsync(args);
