using OpenDownloads.Cli.Terminal;
using OpenDownloads.Counting;
using OpenDownloads.Counting.Output;
using OpenDownloads.Counting.Preparation;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Datacenters;
using OpenDownloads.ReferenceData;

namespace OpenDownloads.Cli.Count;

/// <summary>
/// Runs <c>odl count</c>: loads reference data, reads every log, counts, writes outputs and the summary.
/// </summary>
internal sealed class CountRunner
{
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    public CountRunner(TextWriter output, TextWriter error)
    {
        _output = output;
        _error = error;
    }

    public async Task<int> RunAsync(CountOptions options, CancellationToken cancellationToken)
    {
        if (InputChecks.FindProblem(options.Logs, options.OutDirectory) is { } problem)
        {
            return Fail(problem);
        }

        // An empty salt is most often an unset variable ("--salt $SALT"); a random one would make runs silently
        // impossible to join.
        if (options.Salt is "")
        {
            return Fail("--salt is empty; give the salt to hash with, or leave --salt out for a random one.");
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

        CountReport report;
        try
        {
            var job = await CreateJobAsync(options, cancellationToken);
            report = Count(job, options, mapping);
        }
        catch (ReferenceDataException error)
        {
            return Fail(error.Message);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A log or the output directory changed under the run after the checks at the start.
            return Fail(error.Message);
        }

        if (options.OutDirectory is not null)
        {
            try
            {
                OdlOutputWriter.Write(options.OutDirectory, report);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // A full disk, or a folder where a file is to go: the files written before it stay, so say so.
                return Fail($"the outputs could not all be written to '{options.OutDirectory}' ({error.Message}); "
                    + "the files there are incomplete.");
            }
        }

        await _output.WriteAsync(options.Json ? CountReportJson.Render(report) + "\n" : CountReportText.Render(report));
        return ExitCodes.Success;
    }

    private async Task<DownloadCountJob> CreateJobAsync(CountOptions options, CancellationToken cancellationToken)
    {
        using var http = ReferenceDataLoader.CreateHttpClient();
        var cache = new ReferenceDataCache(http, ReferenceDataCache.DefaultDirectory(), Warn);
        var agents = await ReferenceDataLoader.LoadAgentsAsync(cache, options.Agents, cancellationToken);
        var datacenters = new DatacenterDenyList(() => LoadDatacenters(options.Datacenters));
        var hasher = options.Salt is { Length: > 0 } salt ? new IpHasher(salt) : IpHasher.WithRandomSalt();
        var preparer = new EventPreparer(hasher, datacenters);
        return new DownloadCountJob(preparer, new DownloadCounter(agents, options.OffsetSeconds));
    }

    // Runs when the first raw IP is seen, on the thread that reads and prepares the records, which has nothing else
    // to do until it returns; a failure reaches RunAsync through DownloadCountJob.Add.
    private DatacenterRangeSet LoadDatacenters(IReadOnlyList<string> sources)
    {
        using var http = ReferenceDataLoader.CreateHttpClient();
        var cache = new ReferenceDataCache(http, ReferenceDataCache.DefaultDirectory(), Warn);
        return ReferenceDataLoader.LoadDatacentersAsync(cache, sources, CancellationToken.None)
            .GetAwaiter()
            .GetResult();
    }

    private CountReport Count(DownloadCountJob job, CountOptions options, FieldMapping mapping)
    {
        var totalBytes = options.Logs.Sum(log => new FileInfo(log).Length);
        var toTerminal = !Console.IsErrorRedirected && _error == Console.Error;
        var progress = new ProgressBar(_error, totalBytes, toTerminal, TimeProvider.System);
        using var rejections = new RejectionLog(_error, options.OutDirectory);
        foreach (var log in options.Logs)
        {
            var records = CountSplit(job, log, options.Format, mapping, progress, rejections)
                ?? CountWhole(job, log, options.Format, mapping, progress, rejections);
            if (records == 0)
            {
                Warn($"'{log}' has no records.");
            }
        }

        progress.Clear();
        rejections.Finish();
        return job.Finish();
    }

    // A big uncompressed JSON-lines log is read in parts, one per core; returns null if the log is not split.
    private static long? CountSplit(
        DownloadCountJob job,
        string log,
        LogFormat? format,
        FieldMapping mapping,
        ProgressBar progress,
        RejectionLog rejections)
    {
        using var split = SplitLog.TrySplit(log, format, mapping, Environment.ProcessorCount, bytes =>
        {
            lock (progress)
            {
                progress.Advance(bytes);
            }
        });
        return split is null ? null : job.Add(split.Parts, rejections.Add);
    }

    // Returns how many records the log held, or null if it could not be read at all (then it is one rejection).
    private static long? CountWhole(
        DownloadCountJob job,
        string log,
        LogFormat? format,
        FieldMapping mapping,
        ProgressBar progress,
        RejectionLog rejections)
    {
        using var stream = new ProgressStream(File.OpenRead(log), progress);
        long records = 0;
        try
        {
            var read = LogInput.Read(stream, log, format, mapping).Select(record =>
            {
                records++;
                return record;
            });
            job.Add(read, rejections.Add);
            return records;
        }
        catch (InvalidDataException error)
        {
            // The file as a whole cannot be read (not the format it claims): keep it as one rejection and go on.
            var location = new RecordLocation(log, 0, 0);
            job.Add([RawRecord.Unreadable(location, error.Message)], rejections.Add);
            return null;
        }
    }

    private void Warn(string message) => _error.WriteLine($"odl: warning: {message}");

    private int Fail(string message)
    {
        _error.WriteLine($"odl: {message}");
        return ExitCodes.BadInput;
    }
}
