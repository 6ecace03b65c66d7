using System.Collections.Concurrent;
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
    // Below this many downloads, starting threads costs more than it saves.
    private const int ParallelDownloads = 4096;

    private readonly AgentClassifier _classifier;
    private readonly long _offsetSeconds;
    private readonly EncodedIpTable _ips = new();
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
            WindowNumber(request.UnixSeconds));
        var group = new ListenerGroup(request.Qualifies, request.UtcTicks, _referers.GetId(request.Referer));
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_groups, key, out var exists);
        slot = exists ? Merge(slot, group) : group;
    }

    /// <summary>Returns the downloads, ordered by time, then listener id, then episode.</summary>
    /// <remarks>The downloads' ids (two MD5s each) are computed on every core.</remarks>
    public IReadOnlyList<Download> GetDownloads()
    {
        var qualifying = new List<KeyValuePair<ListenerKey, ListenerGroup>>();
        foreach (var pair in _groups)
        {
            if (pair.Value.Qualifies)
            {
                qualifying.Add(pair);
            }
        }

        var downloads = new Download[qualifying.Count];
        void Make(int first, int end)
        {
            for (var i = first; i < end; i++)
            {
                downloads[i] = ToDownload(qualifying[i].Key, qualifying[i].Value);
            }
        }

        if (downloads.Length < ParallelDownloads)
        {
            Make(0, downloads.Length);
        }
        else
        {
            Parallel.ForEach(Partitioner.Create(0, downloads.Length), range => Make(range.Item1, range.Item2));
        }

        Array.Sort(downloads, DownloadOrder.Instance);
        return downloads;
    }

    // Windows are whole days from the offset, so a window's number fits an int for any DateTime.
    private int WindowNumber(long unixSeconds) =>
        (int)((DownloadWindow.Start(unixSeconds, _offsetSeconds) - _offsetSeconds) / DownloadWindow.Seconds);

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

        // Every user agent of a group was classified when its first request was added; read-only here, as
        // downloads are made on several threads.
        _players[key.UserAgentId]);
}
