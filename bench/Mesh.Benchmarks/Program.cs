using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(AspireAuth.Mesh.Benchmarks.EvaluationBenchmarks).Assembly).Run(args);
