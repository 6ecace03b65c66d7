using System.Text.Json;
using OpenDownloads.Counting;

namespace OpenDownloads.Cli.Count;

/// <summary>
/// Keeps every rejected record: all of them in <c>rejected.jsonl</c> when an output directory is given, and the
/// first few on standard error so a user sees at once what went wrong and where.
/// </summary>
internal sealed class RejectionLog : IDisposable
{
    private const int ShownOnConsole = 20;

    private readonly TextWriter _error;
    private readonly StreamWriter? _file;
    private long _count;

    public RejectionLog(TextWriter error, string? outDirectory)
    {
        _error = error;
        if (outDirectory is not null)
        {
            Directory.CreateDirectory(outDirectory);
            _file = new StreamWriter(Path.Combine(outDirectory, "rejected.jsonl"));
        }
    }

    public void Add(RejectedRecord rejected)
    {
        _count++;
        if (_count <= ShownOnConsole)
        {
            _error.WriteLine($"odl: rejected {rejected}");
        }

        if (_file is not null)
        {
            var line = JsonSerializer.Serialize(new RejectedLine(
                rejected.Location.Source,
                rejected.Location.Line,
                rejected.Location.Record,
                rejected.Reason));
            _file.WriteLine(line);
        }
    }

    public void Finish()
    {
        if (_count > ShownOnConsole)
        {
            var where = _file is null ? "give --out DIR to keep them all" : "all are in rejected.jsonl";
            _error.WriteLine($"odl: ... {_count - ShownOnConsole} more rejected records ({where}).");
        }
    }

    public void Dispose() => _file?.Dispose();
}
