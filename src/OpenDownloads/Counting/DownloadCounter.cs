using System.Buffers.Binary;
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
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_groups, key, out var exists);
        slot = exists ? Merge(slot, group) : group;
    }

    /// <summary>Returns the downloads, ordered by time, then listener id, then episode.</summary>
    /// <remarks>
    /// The downloads are kept as compact rows and each <see cref="Download"/> is made when it is read, so a caller
    /// that keeps them should copy them; the listener ids, which the order needs, are computed on every core.
    /// </remarks>
    public IReadOnlyList<Download> GetDownloads() => new DownloadList(SortedRows(), ToDownload);

    /// <summary>Returns the report of a count whose downloads are this counter's.</summary>
    internal CountReport Report(long events, long deniedIp, long rejected)
    {
        var rows = SortedRows();
        var totals = DownloadTotals.Of(rows, id => _episodes[id], id => _players[id]);
        return new CountReport(events, deniedIp, BotEvents, rejected, new DownloadList(rows, ToDownload), totals);
    }

    private DownloadRow[] SortedRows()
    {
        var rows = new DownloadRow[QualifyingGroups()];
        var next = 0;
        foreach (var (key, group) in _groups)
        {
            if (group.Qualifies)
            {
                rows[next++] = new DownloadRow(
                    group.EarliestTicks,
                    default,
                    default,
                    key.IpHigh,
                    key.IpLow,
                    key.OtherIpId,
                    key.UserAgentId,
                    key.EpisodeId,
                    group.EarliestRefererId);
            }
        }

        void Hash(int first, int end)
        {
            for (var i = first; i < end; i++)
            {
                var (high, low) = ListenerHash(rows[i]);
                rows[i] = rows[i] with { ListenerHigh = high, ListenerLow = low };
            }
        }

        if (rows.Length < ParallelDownloads)
        {
            Hash(0, rows.Length);
        }
        else
        {
            Parallel.ForEach(Partitioner.Create(0, rows.Length), range => Hash(range.Item1, range.Item2));
        }

        Array.Sort(rows, new DownloadRowOrder(EpisodeRanks(), row => ToDownload(row).Id));
        return rows;
    }

    private int QualifyingGroups()
    {
        var count = 0;
        foreach (var group in _groups.Values)
        {
            count += group.Qualifies ? 1 : 0;
        }

        return count;
    }

    // Each episode's place among all episodes in ordinal order, so the sort compares two integers.
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

    // MD5 of "encoded_ip^user_agent", read as the big-endian numbers whose order is that of its hex text.
    private (ulong High, ulong Low) ListenerHash(DownloadRow row)
    {
        var agent = _agents[row.UserAgentId];
        var ip = _ips.Text(row.IpHigh, row.IpLow, row.OtherIpId, stackalloc char[32]);
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

    private Download ToDownload(DownloadRow row) => Download.Create(
        _ips[row.IpHigh, row.IpLow, row.OtherIpId],
        _agents[row.UserAgentId],
        _episodes[row.EpisodeId],
        row.EarliestTicks,
        _referers[row.RefererId],

        // Every user agent of a group was classified when its first request was added; read-only here, as
        // downloads may be made on several threads.
        _players[row.UserAgentId]);
}
