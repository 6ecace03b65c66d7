using OpenDownloads.Counting;
using OpenDownloads.Streaming.Counters;
using OpenDownloads.Streaming.Days;

namespace OpenDownloads.Streaming;

/// <summary>A day the closer closed: its report, as written to its folder, and its record tally.</summary>
/// <param name="Day">The day.</param>
/// <param name="Report">The day's count, the same as <c>odl count</c>'s for the day's requests.</param>
/// <param name="Tally">The day's records, including the late ones.</param>
/// <param name="Folder">Where its files are: the output container's <c>YYYY/MM/DD/</c>.</param>
public sealed record ClosedDay(StreamDay Day, CountReport Report, RecordTally Tally, string Folder);
