using System.Globalization;
using System.Text;

namespace OpenDownloads.Counting.Output;

/// <summary>Writes the readable summary of a count for a terminal.</summary>
public static class CountReportText
{
    /// <summary>Returns the summary, listing at most <paramref name="top"/> episodes and apps.</summary>
    public static string Render(CountReport report, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        Line(text, $"Downloads: {report.Total}");
        Line(text, $"Events read: {report.Events}");
        Line(text, $"  dropped, datacenter IP: {report.DeniedIp}");
        Line(text, $"  dropped, bot user agent: {report.Bots}");
        Line(text, $"  rejected, unreadable: {report.Rejected}");
        Section(text, "Top episodes", report.ByEpisode, top);
        Section(text, "Apps", report.ByApp, top);
        Section(
            text,
            "Hours (UTC)",
            report.ByHour.Select(h => new KeyValuePair<string, long>(
                h.Key.ToString("yyyy-MM-dd HH:00", CultureInfo.InvariantCulture), h.Value)).ToList(),
            int.MaxValue);
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<KeyValuePair<string, long>> rows, int top)
    {
        if (rows.Count == 0)
        {
            return;
        }

        text.Append('\n');
        Line(text, title + ":");
        var width = rows.Max(r => r.Value).ToString(CultureInfo.InvariantCulture).Length;
        foreach (var (name, count) in rows.Take(top))
        {
            Line(text, $"  {count.ToString(CultureInfo.InvariantCulture).PadLeft(width)}  {name}");
        }

        if (rows.Count > top)
        {
            Line(text, $"  ... and {rows.Count - top} more");
        }
    }

    private static void Line(StringBuilder text, FormattableString line) =>
        text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
