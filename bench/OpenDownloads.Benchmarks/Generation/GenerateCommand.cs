using System.Globalization;

namespace OpenDownloads.Benchmarks.Generation;

/// <summary>
/// <c>generate [--events N] [--seed S]</c>: writes the seeded log as JSON lines and as oDL's Avro file.
/// </summary>
internal static class GenerateCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var settings = new EventMixSettings
        {
            Events = ReadInt(args, "--events") ?? 5_000_000,
            Seed = ReadInt(args, "--seed") ?? 7,
        };
        var (jsonLines, avro) = BenchData.EnsureLogs(settings, output);
        output.WriteLine(jsonLines);
        output.WriteLine(avro);
        return 0;
    }

    public static int? ReadInt(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return null;
        }

        return index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name} needs a whole number, such as {name} 1000000.");
    }
}
