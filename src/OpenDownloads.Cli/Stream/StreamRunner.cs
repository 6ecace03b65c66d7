using System.Globalization;
using System.Text.Json;
using OpenDownloads.Counting;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Datacenters.Publishing;
using OpenDownloads.ReferenceData;
using OpenDownloads.Streaming;

namespace OpenDownloads.Cli.Streaming;

/// <summary>
/// Runs <c>odl stream</c>: turns log files into Event Hubs-like batches, has the stream path count them against
/// the given storage (Azurite by default) in a table and container of its own with a clock that follows the
/// requests (<see cref="StreamReplay"/>), and prints the summary <c>odl count</c> prints for the same logs and salt,
/// with the late requests and the days left open.
/// </summary>
internal sealed class StreamRunner
{
    private const int ShownRejections = 20;

    private readonly TextWriter _output;
    private readonly TextWriter _error;

    public StreamRunner(TextWriter output, TextWriter error)
    {
        _output = output;
        _error = error;
    }

    public async Task<int> RunAsync(StreamOptions options, CancellationToken cancellationToken)
    {
        if (Validate(options) is { } problem)
        {
            return Fail(problem);
        }

        FieldMapping mapping;
        try
        {
            mapping = FieldMapping.Create(options.Mappings);
        }
        catch (FormatException error)
        {
            return Fail(error.Message);
        }

        var bodies = options.Logs.SelectMany(log => StreamInputs.Read(
            log, options.Format, mapping, warning => _error.WriteLine($"odl: warning: {warning}")));
        var run = RunName();
        var settings = Settings(options, run, mapping);
        var schedule = ReplaySchedule.Build(bodies, mapping, settings);
        StreamStorage storage;
        try
        {
            storage = StreamStorage.FromConnectionString(options.Storage, settings);
        }
        catch (Exception error) when (error is FormatException or ArgumentException or InvalidOperationException)
        {
            // The connection string may hold an account key, so it is never echoed.
            return Fail("--storage is not a storage connection string such as UseDevelopmentStorage=true or "
                + "DefaultEndpointsProtocol=http;AccountName=...;AccountKey=...;BlobEndpoint=...;TableEndpoint=...");
        }

        try
        {
            await storage.EnsureCreatedAsync(cancellationToken);
            await StreamReferencePublisher.PublishAsync(
                storage, settings, options, schedule.NeedsDatacenters, cancellationToken);
            var outcome = await StreamReplay.RunAsync(storage, settings, options, schedule, cancellationToken);
            await ReportDeadLettersAsync(storage, settings, options, cancellationToken);
            var seconds = outcome.Streamed.TotalSeconds;
            await _error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"odl: streamed {outcome.Events} events in {outcome.Batches} batches in {seconds:0.0} s "
                + $"({outcome.Events / Math.Max(seconds, 0.001):0} events/s, closing included); closed "
                + $"{outcome.ClosedDays} day(s), left {outcome.OpenDays.Count} open; {outcome.Late} late request(s)."));
            await _output.WriteAsync(options.Json ? StreamSummary.Json(outcome) : StreamSummary.Text(outcome));
        }
        catch (ReferenceDataException error)
        {
            return Fail(error.Message);
        }
        catch (DatacenterPublishException error)
        {
            return Fail($"the storage at --storage failed: {error.Message}");
        }
        catch (Azure.RequestFailedException error) when (error.Status is 401 or 403)
        {
            return Fail($"the storage at --storage refused the request ({error.Status} {error.ErrorCode}); "
                + "check the account name and key in the connection string.");
        }
        catch (Exception error) when (error is Azure.RequestFailedException or AggregateException)
        {
            var cause = error is AggregateException all ? all.InnerExceptions[^1] : error;
            var hint = error is AggregateException || cause is Azure.RequestFailedException { Status: 0 }
                ? " Is Azurite running?"
                : string.Empty;
            return Fail($"the storage at --storage failed: {cause.Message.Split('\n')[0]}{hint}");
        }
        finally
        {
            await FinishAsync(storage, options.Keep);
        }

        return ExitCodes.Success;
    }

    private static string? Validate(StreamOptions options)
    {
        if (Count.InputChecks.FindProblem(options.Logs, outDirectory: null, "stream") is { } problem)
        {
            return problem;
        }

        if (options.OffsetSeconds is <= -DownloadWindow.Seconds or >= DownloadWindow.Seconds)
        {
            return $"--offset is {options.OffsetSeconds}; expected -86399 to 86399 seconds (a window starts "
                + "that long after 00:00 UTC).";
        }

        if (options.Partitions is < 1 or > 1024)
        {
            return $"--partitions is {options.Partitions}; expected 1 to 1024.";
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            return $"--batch-size is {options.BatchSize}; expected 1 to 10000.";
        }

        if (options.RejectedFile is { } rejected && FindRejectedFileProblem(rejected) is { } rejectedProblem)
        {
            return rejectedProblem;
        }

        return options.RedeliverFraction is < 0 or > 1 or double.NaN
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"--redeliver is {options.RedeliverFraction}; expected a fraction from 0 to 1.")
            : null;
    }

    // As odl count prints its first rejections: the rest are in --rejected FILE, or in the container with --keep.
    private async Task ReportDeadLettersAsync(
        StreamStorage storage,
        StreamingOptions settings,
        StreamOptions options,
        CancellationToken cancellationToken)
    {
        var letters = await StreamDeadLetters.ReadAsync(
            storage.Output, settings.DeadLetterPrefix, options.Logs, cancellationToken);
        foreach (var letter in letters.Take(ShownRejections))
        {
            await _error.WriteLineAsync($"odl: {letter}");
        }

        if (options.RejectedFile is { } path)
        {
            await File.WriteAllLinesAsync(
                path, letters.Select(letter => JsonSerializer.Serialize(letter)), cancellationToken);
        }

        if (letters.Count > ShownRejections)
        {
            var where = options.RejectedFile is { } file
                ? $"all are in {file}"
                : "give --rejected FILE to keep them all";
            await _error.WriteLineAsync($"odl: ... {letters.Count - ShownRejections} more dead letters ({where}).");
        }
    }

    private static string? FindRejectedFileProblem(string path)
    {
        if (Directory.Exists(path))
        {
            return $"--rejected '{path}' is a directory; give a file for the dead letters.";
        }

        try
        {
            File.WriteAllText(path, string.Empty);
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return $"--rejected '{path}' cannot be written: {error.Message}";
        }
    }

    private static string RunName() => "odlstream" + Guid.NewGuid().ToString("N")[..12];

    private static StreamingOptions Settings(StreamOptions options, string run, FieldMapping mapping) => new()
    {
        Salt = options.Salt is { Length: > 0 } salt ? salt : Convert.ToHexStringLower(
            System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
        OffsetSeconds = options.OffsetSeconds,
        TableName = run,
        OutputContainer = run,
        FieldMappings = string.Join(',', options.Mappings),
        GroupCacheCapacity = 1_000_000,
        Reference = new ReferenceBlobOptions
        {
            AgentsContainer = run,
            AgentsBlob = Blobs("reference/agents-{0}.json", options.Agents.Count),
            DatacentersContainer = run + "-dc",
        },
    };

    // One blob per list the user gave, or one for the published list when none.
    private static string Blobs(string pattern, int count) => string.Join(',', Enumerable.Range(1, Math.Max(1, count))
        .Select(i => string.Format(CultureInfo.InvariantCulture, pattern, i)));

    private async Task FinishAsync(StreamStorage storage, bool keep)
    {
        if (keep)
        {
            await _error.WriteLineAsync(
                $"odl: state kept in table {storage.Table.Name}; day files, totals and dead letters in container "
                + $"{storage.Output.Name}; the datacenter list in container {storage.Output.Name}-dc.");
            return;
        }

        try
        {
            await storage.Table.DeleteAsync();
            await storage.Output.DeleteIfExistsAsync();
            await storage.Blobs.GetBlobContainerClient(storage.Output.Name + "-dc").DeleteIfExistsAsync();
        }
        catch (Exception error) when (error is Azure.RequestFailedException or AggregateException)
        {
            // Nothing to clean up when the storage never answered.
        }
    }

    private int Fail(string message)
    {
        _error.WriteLine($"odl: {message}");
        return ExitCodes.BadInput;
    }
}
