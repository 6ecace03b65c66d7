using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using OpenDownloads.Counting;
using OpenDownloads.Counting.Output;
using OpenDownloads.Streaming.Counters;
using OpenDownloads.Streaming.Days;
using OpenDownloads.Streaming.Groups;
using OpenDownloads.Streaming.Output;
using OpenDownloads.Streaming.Reference;

namespace OpenDownloads.Streaming;

/// <summary>
/// Closes days and keeps the open ones' totals current. A day is closed once <see cref="StreamingOptions.Lateness"/>
/// and then <see cref="StreamingOptions.CloseGrace"/> have passed after it ended: its files are written under
/// <c>YYYY/MM/DD/</c> exactly as <c>odl count --out</c> writes them, its totals are marked final, its salt is
/// forgotten and its listener groups deleted. Closing twice writes the same bytes twice, so closers need no lock.
/// </summary>
public sealed class DayCloser
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly StreamingOptions _options;
    private readonly DayStore _days;
    private readonly GroupStore _groups;
    private readonly CounterStore _counters;
    private readonly BlobContainerClient _output;
    private readonly ReferenceDataBlobs _reference;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal DayCloser(
        StreamingOptions options,
        DayStore days,
        GroupStore groups,
        CounterStore counters,
        BlobContainerClient output,
        ReferenceDataBlobs reference,
        TimeProvider time,
        ILogger logger)
    {
        _options = options;
        _days = days;
        _groups = groups;
        _counters = counters;
        _output = output;
        _reference = reference;
        _time = time;
        _logger = logger;
    }

    /// <summary>Closes every open day whose time has come and writes provisional totals for the others.</summary>
    /// <returns>The days this call closed.</returns>
    public async Task<IReadOnlyList<ClosedDay>> RunAsync(CancellationToken cancellationToken)
    {
        var closed = new List<ClosedDay>();
        foreach (var day in await _days.ListOpenAsync(cancellationToken))
        {
            try
            {
                if (_time.GetUtcNow() >= day.CloseAt + _options.CloseGrace)
                {
                    if (await CloseAsync(day, cancellationToken) is { } done)
                    {
                        closed.Add(done);
                    }
                }
                else
                {
                    await WriteTotalsAsync(day, cancellationToken);
                }
            }
            catch (RequestFailedException error) when (StorageFailures.IsTransient(error))
            {
                StreamingLog.CloseFailed(_logger, error, day.Day.ToString());
            }
        }

        return closed;
    }

    /// <summary>Returns the totals of the records that belong to no day, such as those with no readable time.</summary>
    public Task<RecordTally> ReadUndatedAsync(CancellationToken cancellationToken) =>
        _counters.ReadAsync(CounterStore.Undated, cancellationToken);

    private async Task<(CountReport Report, RecordTally Tally)> BuildAsync(
        StreamDay day,
        CancellationToken cancellationToken)
    {
        var reference = await _reference.GetAsync(needDatacenters: false, cancellationToken);
        var groups = _groups.ReadAllAsync(day, cancellationToken);
        var tally = await _counters.ReadAsync(day.Key, cancellationToken);
        return (DayReportBuilder.Build(await groups, tally, reference.Agents), tally);
    }

    private async Task<ClosedDay?> CloseAsync(DayRecord day, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var (report, tally) = await BuildAsync(day.Day, cancellationToken);
        var folder = day.Day.Folder + "/";
        foreach (var (name, content) in OdlOutputWriter.Render(report))
        {
            var contentType = name.EndsWith(".txt", StringComparison.Ordinal) ? "text/plain" : "text/csv";
            await UploadAsync(folder + name, Utf8NoBom.GetBytes(content), contentType, cancellationToken);
        }

        await UploadTotalsAsync(day, report, tally, final: true, cancellationToken);
        if (!await _days.MarkClosedAsync(day, report.Total, _time.GetUtcNow(), cancellationToken))
        {
            return null;
        }

        await _groups.DeleteAllAsync(day.Day, cancellationToken);
        StreamingLog.DayClosed(_logger, day.Day.ToString(), report.Total, report.Events, $"{_output.Name}/{folder}",
            (long)_time.GetElapsedTime(started).TotalMilliseconds);
        return new ClosedDay(day.Day, report, tally, folder);
    }

    private async Task WriteTotalsAsync(DayRecord day, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var (report, tally) = await BuildAsync(day.Day, cancellationToken);
        await UploadTotalsAsync(day, report, tally, final: false, cancellationToken);
        StreamingLog.TotalsWritten(_logger, day.Day.ToString(), report.Total,
            (long)_time.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task UploadTotalsAsync(
        DayRecord day,
        CountReport report,
        RecordTally tally,
        bool final,
        CancellationToken cancellationToken)
    {
        var json = TotalsJson.Render(day.Day, report, tally, final, day.CloseAt, _time.GetUtcNow());
        await UploadAsync($"{_options.TotalsPrefix}{day.Day.Folder}.json", json, "application/json", cancellationToken);
    }

    private async Task UploadAsync(
        string name,
        byte[] content,
        string contentType,
        CancellationToken cancellationToken) =>
        await _output.GetBlobClient(name).UploadAsync(
            new BinaryData(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken);
}
