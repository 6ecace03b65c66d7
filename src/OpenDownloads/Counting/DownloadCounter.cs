using System.Buffers.Binary;
using OpenDownloads.Agents;
using OpenDownloads.Counting.Groups;
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
    private readonly EncodedIpTable _ips = new();
    private readonly StringTable _agents = new();
    private readonly StringTable _episodes = new();
    private readonly StringTable _referers = new();
    private readonly List<PlayerInfo> _players = [];
    private readonly ListenerGroupTable _groups = new();

    // Counts the requests grouped: downloads read from the table are stale once it changes.
    private long _grouped;

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
        _ips.Encode(request.EncodedIp, out var ipHigh, out var ipLow, out var otherIpId);
        Add(request, ipHigh, ipLow, otherIpId);
    }

    /// <summary>Adds one prepared request whose encoded IP is the MD5 given as its two big-endian halves.</summary>
    internal void Add(in RequestEvent request, ulong ipHigh, ulong ipLow) =>
        Add(request, ipHigh, ipLow, EncodedIpTable.Hashed);

    private void Add(in RequestEvent request, ulong ipHigh, ulong ipLow, int otherIpId)
    {
        var agentId = _agents.GetId(request.UserAgent);
        if (PlayerOf(agentId).IsBot)
        {
            BotEvents++;
            return;
        }

        var key = new ListenerKey(
            ipHigh,
            ipLow,
            otherIpId,
            agentId,
            _episodes.GetId(request.EpisodeId),
            WindowNumber(request.UnixSeconds));
        var group = new ListenerGroup(request.UtcTicks, _referers.GetId(request.Referer), request.Qualifies);
        _grouped++;
        ref var entry = ref _groups.GetOrAdd(key, out var exists);
        entry.Group = exists ? Merge(entry.Group, group) : group;

        // The slot is native memory that the table frees when collected: not before this write.
        GC.KeepAlive(_groups);
    }

    /// <summary>Returns the downloads, ordered by time, then listener id, then episode.</summary>
    /// <remarks>
    /// The downloads are kept as compact rows and each <see cref="Download"/> is made when it is read, so a caller
    /// that keeps them should copy them. They are read from the counter's groups: once another request is added,
    /// reading them throws <see cref="InvalidOperationException"/>, and they must be taken again. The listener ids,
    /// which break ties in time, are computed only for tied downloads, on every core when there are many.
    /// </remarks>
    public IReadOnlyList<Download> GetDownloads() => Downloads(SortedRows());

    /// <summary>Returns the report of a count whose downloads are this counter's.</summary>
    internal CountReport Report(long events, long deniedIp, long rejected)
    {
        var rows = SortedRows();
        var totals = DownloadTotals.Of(rows, _groups, id => _episodes[id], id => _players[id]);
        return new CountReport(events, deniedIp, BotEvents, rejected, Downloads(rows), totals);
    }

    private DownloadList Downloads(DownloadRow[] rows)
    {
        var grouped = _grouped;
        return new DownloadList(
            rows,
            row => grouped == _grouped
                ? ToDownload(row)
                : throw new InvalidOperationException(
                    "The downloads were taken from the counter before more requests were added; take them again."));
    }

    // A row holds a download's time and its group's position; the rest is read from the table when a download is
    // made, so the rows add 12 bytes per download to the table's 50 to 75 per group.
    private DownloadRow[] SortedRows()
    {
        var rows = new DownloadRow[QualifyingGroups()];
        var next = 0;
        foreach (var position in _groups.Positions())
        {
            ref readonly var entry = ref _groups[position];
            if (entry.Qualifies)
            {
                rows[next++] = new DownloadRow(entry.Group.EarliestTicks, position);
            }
        }

        var ranks = EpisodeRanks();
        var order = new DownloadRowOrder(
            group => TiedGroupAt(group, ranks),

            // The download id does not depend on the time, which the row would give.
            group => ToDownload(new DownloadRow(default, group)).Id);
        order.Sort(rows);
        return rows;
    }

    private int QualifyingGroups()
    {
        var count = 0;
        foreach (var position in _groups.Positions())
        {
            count += _groups[position].Qualifies ? 1 : 0;
        }

        return count;
    }

    // Each episode's place among all episodes in ordinal order, so breaking a tie compares two integers.
    private int[] EpisodeRanks()
    {
        var ids = Enumerable.Range(0, _episodes.Count).ToArray();
        Array.Sort(ids, (x, y) => string.CompareOrdinal(_episodes[x], _episodes[y]));
        var ranks = new int[ids.Length];
        for (var rank = 0; rank < ids.Length; rank++)
        {
            ranks[ids[rank]] = rank;
        }

        return ranks;
    }

    private TiedGroup TiedGroupAt(int position, int[] episodeRanks)
    {
        var key = _groups[position].Key;
        var (high, low) = ListenerHash(key);
        return new TiedGroup(high, low, episodeRanks[key.EpisodeId], position);
    }

    // MD5 of "encoded_ip^user_agent", read as the big-endian numbers whose order is that of its hex text.
    private (ulong High, ulong Low) ListenerHash(in ListenerKey key)
    {
        var agent = _agents[key.UserAgentId];
        var ip = _ips.Text(key.IpHigh, key.IpLow, key.OtherIpId, stackalloc char[32]);
        var length = ip.Length + 1 + agent.Length;
        var text = length <= 1024 ? stackalloc char[length] : new char[length];
        ip.CopyTo(text);
        text[ip.Length] = '^';
        agent.CopyTo(text[(ip.Length + 1)..]);
        Span<byte> hash = stackalloc byte[16];
        IpHasher.Md5Of(text, hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt64BigEndian(hash[8..]));
    }

    // Windows are whole days from the offset, so a window's number fits an int for any DateTime.
    private int WindowNumber(long unixSeconds) =>
        (int)((DownloadWindow.Start(unixSeconds, _offsetSeconds) - (_offsetSeconds % DownloadWindow.Seconds))
            / DownloadWindow.Seconds);

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

    private Download ToDownload(DownloadRow row)
    {
        ref readonly var entry = ref _groups[row.Group];
        var key = entry.Key;
        return Download.Create(
            _ips[key.IpHigh, key.IpLow, key.OtherIpId],
            _agents[key.UserAgentId],
            _episodes[key.EpisodeId],
            row.EarliestTicks,
            _referers[entry.Group.EarliestRefererId],

            // Every user agent of a group was classified when its first request was added; read-only here, as
            // downloads may be made on several threads.
            _players[key.UserAgentId]);
    }
}
