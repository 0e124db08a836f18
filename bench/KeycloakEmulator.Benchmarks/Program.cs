using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(AspireAuth.KeycloakEmulator.Benchmarks.TokenBenchmarks).Assembly).Run(args);
