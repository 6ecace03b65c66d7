using System.CommandLine;
using OpenDownloads.Counting.Readers;

// Not OpenDownloads.Cli.Stream: that namespace would hide System.IO.Stream from the rest of the command line.
namespace OpenDownloads.Cli.Streaming;

/// <summary>Declares <c>odl stream</c>: its arguments, options and help.</summary>
internal static class StreamCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var logs = new Argument<string[]>("logs")
        {
            Description =
                "Request logs: what odl count reads, Azure Monitor {\"records\": [...]} files, combined log lines.",
            Arity = ArgumentArity.OneOrMore,
        };
        var agents = new Option<string[]>("--agents")
        {
            Description = "OPAWG v1 user-agents.json, path or URL (repeatable).",
        };
        var datacenters = new Option<string[]>("--datacenters")
        {
            Description = "Datacenter ranges in ipcat's CSV format, path or URL (repeatable).",
        };
        var salt = new Option<string?>("--salt")
        {
            Description = "Salt for hashing IP addresses. Default: random per run.",
        };
        var offset = new Option<long>("--offset") { Description = "Seconds after 00:00 UTC at which each day starts." };
        var partitions = new Option<int>("--partitions")
        {
            Description = "Event Hubs partitions to spread the events over.",
            DefaultValueFactory = _ => 4,
        };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Most events in one batch.",
            DefaultValueFactory = _ => 100,
        };
        var redeliver = new Option<double>("--redeliver")
        {
            Description = "Fraction of batches delivered twice (0 to 1).",
        };
        var shuffle = new Option<bool>("--shuffle") { Description = "Send the events and batches in a random order." };
        var seed = new Option<int?>("--seed") { Description = "Seed for --shuffle and --redeliver, to repeat a run." };
        var storage = new Option<string>("--storage")
        {
            Description = "Storage connection string. Default: Azurite (UseDevelopmentStorage=true).",
            DefaultValueFactory = _ => "UseDevelopmentStorage=true",
        };
        var keep = new Option<bool>("--keep")
        {
            Description = "Keep the run's table and containers instead of deleting them.",
        };
        var keepOpen = new Option<bool>("--keep-open")
        {
            Description = "Leave the days whose lateness has not passed open and show their provisional totals.",
        };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object." };
        var format = new Option<LogFormat?>("--format") { Description = "Read every input in this format." };
        var map = new Option<string[]>("--map")
        {
            Description = "Map a source field onto an oDL field, as source:target.",
        };

        var rejected = new Option<string?>("--rejected")
        {
            Description = "Write every dead letter (rejected and late records) to this file as JSON lines.",
            HelpName = "FILE",
        };

        var command = new Command(
            "stream", "Push logs through the streaming counter, as Event Hubs batches, and count them.")
        {
            logs, agents, datacenters, salt, offset, partitions, batchSize, redeliver, shuffle, seed, storage, keep,
            keepOpen, json, format, map, rejected,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var options = new StreamOptions(
                result.GetValue(logs) ?? [],
                result.GetValue(agents) ?? [],
                result.GetValue(datacenters) ?? [],
                result.GetValue(salt),
                result.GetValue(offset),
                result.GetValue(partitions),
                result.GetValue(batchSize),
                result.GetValue(redeliver),
                result.GetValue(shuffle),
                result.GetValue(seed),
                result.GetValue(storage)!,
                result.GetValue(keep),
                result.GetValue(keepOpen),
                result.GetValue(json),
                result.GetValue(format),
                result.GetValue(map) ?? [],
                result.GetValue(rejected));
            return new StreamRunner(output, error).RunAsync(options, cancellationToken);
        });
        return command;
    }
}
