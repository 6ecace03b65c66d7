using System.CommandLine;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Cli.Count;

/// <summary>Declares <c>odl count</c>: its arguments, options and help.</summary>
internal static class CountCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var logs = new Argument<string[]>("logs")
        {
            Description = "Request logs: .odl.avro, JSON lines, a JSON array, OP3's export, CSV or TSV; .gz is read too.",
            Arity = ArgumentArity.OneOrMore,
        };
        var agents = new Option<string[]>("--agents")
        {
            Description = "OPAWG v1 user-agents.json, as a path or URL (repeatable). Default: the cached published list.",
        }.RequireValue();
        var datacenters = new Option<string[]>("--datacenters")
        {
            Description = "Datacenter ranges in ipcat's CSV format, as a path or URL (repeatable). Default: ipcat's list.",
        }.RequireValue();
        var salt = new Option<string?>("--salt")
        {
            Description = "Salt for hashing IP addresses. Default: random per run, as oDL does; give one to compare runs.",
        }.RequireValue();
        var offset = new Option<long>("--offset")
        {
            Description = "Seconds after 00:00 UTC at which each 24-hour window starts.",
        };
        var outDir = new Option<string?>("--out")
        {
            Description = "Directory for oDL's output files and rejected.jsonl.",
        }.RequireValue();
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object." };
        var format = new Option<LogFormat?>("--format")
        {
            Description = "Read every input in this format instead of detecting it.",
        };
        var map = new Option<string[]>("--map")
        {
            Description = "Map a source field onto an oDL field, as source:target, e.g. startedAt:timestamp (repeatable).",
        }.RequireValue();

        var command = new Command("count", "Count downloads the way Open Downloads (oDL) does.")
        {
            logs, agents, datacenters, salt, offset, outDir, json, format, map,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var options = new CountOptions(
                result.GetValue(logs) ?? [],
                result.GetValue(agents) ?? [],
                result.GetValue(datacenters) ?? [],
                result.GetValue(salt),
                result.GetValue(offset),
                result.GetValue(outDir),
                result.GetValue(json),
                result.GetValue(format),
                result.GetValue(map) ?? []);
            return new CountRunner(output, error).RunAsync(options, cancellationToken);
        });
        return command;
    }
}
