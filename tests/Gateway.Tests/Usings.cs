global using AspireAuth.TestSupport;
