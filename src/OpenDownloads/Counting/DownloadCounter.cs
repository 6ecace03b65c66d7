using System.Runtime.InteropServices;
using OpenDownloads.Agents;
using OpenDownloads.Counting.Preparation;

namespace OpenDownloads.Counting;

/// <summary>
/// oDL's counting stage: drops bots by user agent, groups requests by encoded IP, user agent, episode and 24-hour
/// window, and turns each group with a qualifying request into one download dated by its earliest request.
/// </summary>
public sealed class DownloadCounter
{
    private readonly AgentClassifier _classifier;
    private readonly long _offsetSeconds;
    private readonly StringTable _ips = new();
    private readonly StringTable _agents = new();
    private readonly StringTable _episodes = new();
    private readonly StringTable _referers = new();
    private readonly List<PlayerInfo> _players = [];
    private readonly Dictionary<ListenerKey, ListenerGroup> _groups = [];

    /// <summary>Initializes a counter.</summary>
    /// <param name="classifier">The OPAWG user-agent classifier.</param>
    /// <param name="offsetSeconds">Where each 24-hour window starts, in seconds after 00:00 UTC.</param>
    public DownloadCounter(AgentClassifier classifier, long offsetSeconds = 0)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        _classifier = classifier;
        _offsetSeconds = offsetSeconds;
    }

    /// <summary>Gets the number of requests added that came from bots.</summary>
    public long BotEvents { get; private set; }

    /// <summary>Gets the number of listener groups so far, downloads or not.</summary>
    public int GroupCount => _groups.Count;

    /// <summary>Adds one prepared request.</summary>
    public void Add(in RequestEvent request)
    {
        var agentId = _agents.GetId(request.UserAgent);
        if (PlayerOf(agentId).IsBot)
        {
            BotEvents++;
            return;
        }

        var key = new ListenerKey(
            _ips.GetId(request.EncodedIp),
            agentId,
            _episodes.GetId(request.EpisodeId),
            DownloadWindow.Start(request.UnixSeconds, _offsetSeconds));
        var group = new ListenerGroup(request.Qualifies, request.UtcTicks, _referers.GetId(request.Referer));
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_groups, key, out var exists);
        slot = exists ? Merge(slot, group) : group;
    }

    /// <summary>Returns the downloads, ordered by time, then listener id, then episode.</summary>
    public IReadOnlyList<Download> GetDownloads()
    {
        var downloads = new List<Download>();
        foreach (var (key, group) in _groups)
        {
            if (group.Qualifies)
            {
                downloads.Add(ToDownload(key, group));
            }
        }

        downloads.Sort(DownloadOrder.Instance);
        return downloads;
    }

    private PlayerInfo PlayerOf(int agentId)
    {
        while (_players.Count <= agentId)
        {
            _players.Add(_classifier.Classify(_agents[_players.Count]));
        }

        return _players[agentId];
    }

    private ListenerGroup Merge(ListenerGroup kept, ListenerGroup added)
    {
        var addedIsEarlier = EarliestRequest.IsEarlier(
            added.EarliestTicks,
            _referers[added.EarliestRefererId],
            kept.EarliestTicks,
            _referers[kept.EarliestRefererId]);
        var earliest = addedIsEarlier ? added : kept;
        return earliest with { Qualifies = kept.Qualifies || added.Qualifies };
    }

    private Download ToDownload(ListenerKey key, ListenerGroup group) => Download.Create(
        _ips[key.EncodedIpId],
        _agents[key.UserAgentId],
        _episodes[key.EpisodeId],
        group.EarliestTicks,
        _referers[group.EarliestRefererId],
        PlayerOf(key.UserAgentId));
}
