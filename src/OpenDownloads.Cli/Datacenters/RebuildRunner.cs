using System.Globalization;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Building;
using OpenDownloads.Datacenters.Output;
using OpenDownloads.Datacenters.Publishing;

namespace OpenDownloads.Cli.Datacenters;

/// <summary>
/// Runs <c>odl datacenters rebuild</c>: finds the previous list, rebuilds, writes and publishes, prints a summary.
/// </summary>
internal sealed class RebuildRunner(TextWriter output, TextWriter error)
{
    /// <summary>The rebuild refused to produce a list, or storage failed: nothing was published.</summary>
    public const int NotPublished = 1;

    public async Task<int> RunAsync(RebuildOptions options, CancellationToken cancellationToken)
    {
        var problems = Problems(options);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"odl: {problem}");
            }

            return ExitCodes.BadInput;
        }

        var logger = new TextWriterLogger(error, LogLevel.Information);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            var publisher = options.Publish ? CreatePublisher(options, logger) : null;
            var latest = publisher is null ? null : await publisher.ReadLatestAsync(cancellationToken);
            // An explicit --previous wins over the published latest, which wins over --out's content.
            var previous = options.PreviousDirectory is { } explicitPrevious
                ? await ReadPreviousAsync(explicitPrevious)
                : latest?.List
                    ?? (options.OutDirectory is { } outDirectory ? await ReadPreviousAsync(outDirectory) : null);
            var rebuilder = DatacenterListRebuilder.Create(options.Rebuild, http, TimeProvider.System, logger);
            var build = await rebuilder.RebuildAsync(previous, cancellationToken);
            if (options.OutDirectory is { } directory && !await TryWriteAsync(build, directory, cancellationToken))
            {
                return NotPublished;
            }

            await WriteSummaryAsync(build);
            if (publisher is not null)
            {
                var outcome = await publisher.PublishAsync(build, latest, cancellationToken);
                await output.WriteLineAsync(outcome.MovedLatest
                    ? $"Published {outcome.Version}; latest points at it."
                    : $"Wrote {outcome.Version}, but another run moved latest to {outcome.LatestVersion} first.");
            }

            return ExitCodes.Success;
        }
        catch (Exception failure) when (failure is DatacenterRebuildException or DatacenterPublishException)
        {
            await error.WriteLineAsync($"odl: {failure.Message}");
            return NotPublished;
        }
        catch (FormatException failure)
        {
            // The storage SDK parses a connection string's endpoints late and quotes them, password and all.
            await error.WriteLineAsync(options.Publish
                ? $"odl: {options.ConnectionName} could not be used: an endpoint in it is not a valid URL."
                : $"odl: {InputExcerpt.Of(failure.Message)}");
            return ExitCodes.BadInput;
        }
    }

    private static List<string> Problems(RebuildOptions options)
    {
        var problems = options.OptionProblems.Concat(options.Rebuild.Validate()).ToList();
        if (options.OutDirectory is null && !options.Publish)
        {
            problems.Add("give --out DIR, --publish, or both; otherwise the rebuilt list goes nowhere.");
        }

        if (options.Publish && string.IsNullOrWhiteSpace(options.Connection))
        {
            problems.Add($"--publish needs --connection or the {RebuildCommand.ConnectionVariable} variable.");
        }
        else if (options.Publish && !IsConnectionString(options.Connection!))
        {
            // Never the value itself: a connection string holds a key.
            problems.Add(
                $"{options.ConnectionName} is not a storage connection string; expected one such as "
                + "UseDevelopmentStorage=true or DefaultEndpointsProtocol=https;AccountName=...;AccountKey=....");
        }

        if (options.OutDirectory is { } output && FileInTheWay(output) is { } file)
        {
            problems.Add(file == output
                ? $"'{output}' given with --out is a file; expected a folder."
                : $"'{file}', part of the path '{output}' given with --out, is a file; expected a folder.");
        }

        if (options.PreviousDirectory is { } previous && !Directory.Exists(previous))
        {
            problems.Add(File.Exists(previous)
                ? $"'{previous}' given with --previous is a file; expected the folder of a rebuild's output."
                : $"the folder '{previous}' given with --previous does not exist.");
        }

        if (options.Rebuild.FeedDirectory is { } feeds && !Directory.Exists(feeds))
        {
            problems.Add($"the feeds folder '{feeds}' given with --feeds does not exist.");
        }

        return problems;
    }

    private static bool IsConnectionString(string connection)
    {
        try
        {
            // The endpoint is parsed lazily, so ask for it: a port that is not a number fails only here.
            _ = new BlobServiceClient(connection).GetBlobContainerClient("probe").Uri;
            return true;
        }
        catch (Exception error) when (error is FormatException or ArgumentException or UriFormatException)
        {
            return false;
        }
    }

    // The nearest existing part of the path, when it is a file rather than a folder.
    private static string? FileInTheWay(string path)
    {
        for (var part = path; !string.IsNullOrEmpty(part); part = Path.GetDirectoryName(part))
        {
            if (Directory.Exists(part))
            {
                return null;
            }

            if (File.Exists(part))
            {
                return part;
            }
        }

        return null;
    }

    private async Task<bool> TryWriteAsync(
        DatacenterListBuild build,
        string directory,
        CancellationToken cancellationToken)
    {
        try
        {
            await build.WriteToAsync(directory, cancellationToken);
            return true;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"odl: the list could not be written to {directory}: {failure.Message}");
            return false;
        }
    }

    // A previous list that cannot be read is no reason to stop: the rebuild runs as a first one, and writing
    // --out replaces the broken files, where refusing would fail every later run too.
    private async Task<PublishedDatacenterList?> ReadPreviousAsync(string directory)
    {
        try
        {
            return DatacenterListSources.ReadDirectory(directory);
        }
        catch (Exception failure) when (failure is FormatException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync(
                $"odl: warning: the previous list in {directory} cannot be read, so the rebuild runs without one: "
                + failure.Message);
            return null;
        }
    }

    private static DatacenterListPublisher CreatePublisher(RebuildOptions options, ILogger logger)
    {
        var container = new BlobServiceClient(options.Connection).GetBlobContainerClient(options.Rebuild.Container);
        return new DatacenterListPublisher(container, options.Rebuild.RetainVersions, logger);
    }

    private async Task WriteSummaryAsync(DatacenterListBuild build)
    {
        var manifest = build.Manifest;
        await output.WriteLineAsync($"Datacenter list {manifest.Version}");
        foreach (var provider in manifest.Providers)
        {
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"  {provider.Id,-13} {provider.Status,-12} {provider.RangesIPv4,6} IPv4 "
                + $"{provider.RangesIPv6,6} IPv6 rows");
            await output.WriteLineAsync(provider.KeptPrevious || provider.Reason is not null
                ? $"{line}  (from {provider.RangesFrom}: {provider.Reason})"
                : line);
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{manifest.RangesIPv4} IPv4 and {manifest.RangesIPv6} IPv6 ranges; "
            + $"{manifest.ContainedRangesDropped} contained ranges dropped, "
            + $"{manifest.PartialOverlapsResolved} partial overlaps resolved."));
    }
}
