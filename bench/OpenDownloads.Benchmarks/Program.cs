using BenchmarkDotNet.Running;
using OpenDownloads.Benchmarks.EndToEnd;
using OpenDownloads.Benchmarks.Generation;

// generate: the seeded logs; run [--quick]: the end-to-end runner; micro [BenchmarkDotNet options]: micro-benchmarks;
// stages LOG: where a count's time goes.
return args.FirstOrDefault() switch
{
    "generate" => GenerateCommand.Run(args[1..], Console.Out),
    "run" => await new EndToEndRunner(Console.Out).RunAsync(args[1..]),
    "micro" => RunMicro(args[1..]),
    "stages" when args.Length == 2 => StageTimings.Run(args[1], Console.Out),
    _ => Usage(),
};

static int RunMicro(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(EndToEndRunner).Assembly).Run(args);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: OpenDownloads.Benchmarks generate [--events N] [--seed S]");
    Console.Error.WriteLine("       OpenDownloads.Benchmarks run [--quick] [--events N] [--seed S]");
    Console.Error.WriteLine("       OpenDownloads.Benchmarks micro [--filter PATTERN] (BenchmarkDotNet's options)");
    Console.Error.WriteLine("       OpenDownloads.Benchmarks stages LOG");
    return 2;
}
