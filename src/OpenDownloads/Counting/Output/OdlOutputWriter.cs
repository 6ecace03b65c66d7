using System.Globalization;
using System.Text;

namespace OpenDownloads.Counting.Output;

/// <summary>
/// Writes a count in oDL's output layout: <c>count.txt</c>, <c>downloads.csv</c>, <c>hourly.csv</c>,
/// <c>episodes.csv</c>, <c>apps.csv</c> and <c>downloads-HH.csv</c> for each UTC hour with downloads. Like oDL's,
/// the files have no header row; unlike oDL's, rows come in a stable order, so the same input and salt give the
/// same bytes.
/// </summary>
public static class OdlOutputWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Returns each file's name and content, in the order they are written.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Render(CountReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var (name, rows) in Files(report))
        {
            var builder = new StringBuilder();
            foreach (var row in rows)
            {
                builder.Append(row).Append('\n');
            }

            yield return new(name, builder.ToString());
        }
    }

    /// <summary>
    /// Writes the files into <paramref name="directory"/>, creating it if needed. Output files of an earlier count
    /// there are removed first (hour files most of all, which a new count may not write again); no other file is.
    /// </summary>
    /// <remarks>Rows are written as they are made: a file of millions of downloads is never held whole.</remarks>
    public static void Write(string directory, CountReport report)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        foreach (var stale in Directory.EnumerateFiles(directory).Where(IsOutputFile).ToList())
        {
            File.Delete(stale);
        }

        foreach (var (name, rows) in Files(report))
        {
            using var writer = new StreamWriter(Path.Combine(directory, name), append: false, Utf8NoBom);
            foreach (var row in rows)
            {
                writer.Write(row);
                writer.Write('\n');
            }
        }
    }

    /// <summary>Returns whether <paramref name="path"/> names one of the files this writer writes.</summary>
    public static bool IsOutputFile(string path)
    {
        var name = Path.GetFileName(path);
        return name is "count.txt" or "downloads.csv" or "hourly.csv" or "episodes.csv" or "apps.csv"
            || (name.Length == "downloads-00.csv".Length && name.StartsWith("downloads-", StringComparison.Ordinal)
                && char.IsAsciiDigit(name[10]) && char.IsAsciiDigit(name[11])
                && name.EndsWith(".csv", StringComparison.Ordinal));
    }

    /// <summary>Formats an hour as oDL does (Python's isoformat of a UTC time).</summary>
    public static string HourText(DateTime hour) =>
        hour.ToString("yyyy-MM-dd'T'HH':00:00+00:00'", CultureInfo.InvariantCulture);

    private static string DownloadRow(Download d) => CsvField.Row(
        Number(d.UnixMilliseconds),
        d.EncodedIp,
        d.UserAgent,
        d.Referer,
        d.ListenerId,
        d.EpisodeId,
        d.App,
        d.Device,
        d.Os);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<KeyValuePair<string, IEnumerable<string>>> Files(CountReport report)
    {
        // Each download's UTC hour of day, noted while downloads.csv is written, so the hour files need no second
        // look at the downloads that are not theirs: the downloads may be made anew each time they are read.
        var hours = new byte[report.Downloads.Count];
        yield return new("count.txt", [report.Total.ToString(CultureInfo.InvariantCulture)]);
        yield return new("downloads.csv", DownloadRows(report.Downloads, hours));
        yield return new("hourly.csv", report.ByHour.Select(h => CsvField.Row(HourText(h.Key), Number(h.Value))));
        yield return new("episodes.csv", report.ByEpisode.Select(e => CsvField.Row(e.Key, Number(e.Value))));
        yield return new("apps.csv", report.ByApp.Select(a => CsvField.Row(a.Key, Number(a.Value))));
        foreach (var hour in hours.Distinct().Order())
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"downloads-{hour:00}.csv");
            yield return new(name, HourRows(report.Downloads, hours, hour));
        }
    }

    private static IEnumerable<string> DownloadRows(IReadOnlyList<Download> downloads, byte[] hours)
    {
        for (var i = 0; i < downloads.Count; i++)
        {
            var download = downloads[i];
            hours[i] = (byte)download.Hour.Hour;
            yield return DownloadRow(download);
        }
    }

    private static IEnumerable<string> HourRows(IReadOnlyList<Download> downloads, byte[] hours, byte hour)
    {
        for (var i = 0; i < downloads.Count; i++)
        {
            if (hours[i] == hour)
            {
                yield return DownloadRow(downloads[i]);
            }
        }
    }
}
