using OpenDownloads.Agents;
using OpenDownloads.Counting;
using OpenDownloads.Streaming.Counters;
using OpenDownloads.Streaming.Groups;

namespace OpenDownloads.Streaming.Output;

/// <summary>Builds a day's <see cref="CountReport"/> from its stored listener groups and record tallies, as
/// <c>odl count</c>'s counter builds it from the same requests.</summary>
internal static class DayReportBuilder
{
    public static CountReport Build(IReadOnlyList<StoredGroup> groups, RecordTally tally, AgentClassifier agents)
    {
        var downloads = new List<Download>();
        foreach (var group in groups)
        {
            if (group.State.Qualifies)
            {
                downloads.Add(Download.Create(
                    group.EncodedIp,
                    group.UserAgent,
                    group.EpisodeId,
                    group.State.EarliestTicks,
                    group.State.EarliestReferer,
                    agents.Classify(group.UserAgent)));
            }
        }

        downloads.Sort(DownloadOrder.Instance);
        return new CountReport(tally.Events, tally.DeniedIp, tally.Bots, tally.Rejected, downloads);
    }
}
