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
        yield return new("count.txt", report.Total.ToString(CultureInfo.InvariantCulture) + "\n");
        yield return new("downloads.csv", Lines(report.Downloads.Select(DownloadRow)));
        yield return new("hourly.csv", Lines(report.ByHour.Select(h => CsvField.Row(HourText(h.Key), Number(h.Value)))));
        yield return new("episodes.csv", Lines(report.ByEpisode.Select(e => CsvField.Row(e.Key, Number(e.Value)))));
        yield return new("apps.csv", Lines(report.ByApp.Select(a => CsvField.Row(a.Key, Number(a.Value)))));
        foreach (var hour in report.Downloads.GroupBy(d => d.Hour.Hour).OrderBy(g => g.Key))
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"downloads-{hour.Key:00}.csv");
            yield return new(name, Lines(hour.Select(DownloadRow)));
        }
    }

    /// <summary>
    /// Writes the files into <paramref name="directory"/>, creating it if needed. Output files of an earlier count
    /// there are removed first (hour files most of all, which a new count may not write again); no other file is.
    /// </summary>
    public static void Write(string directory, CountReport report)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        foreach (var stale in Directory.EnumerateFiles(directory).Where(IsOutputFile).ToList())
        {
            File.Delete(stale);
        }

        foreach (var (name, content) in Render(report))
        {
            File.WriteAllText(Path.Combine(directory, name), content, Utf8NoBom);
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

    private static string Lines(IEnumerable<string> rows)
    {
        var builder = new StringBuilder();
        foreach (var row in rows)
        {
            builder.Append(row).Append('\n');
        }

        return builder.ToString();
    }
}
