using System.Runtime.InteropServices;

namespace OpenDownloads.Counting.Groups;

/// <summary>
/// One slot of a <see cref="ListenerGroupTable"/>: a listener group's key and state together in 40 bytes, where a
/// dictionary entry of the two takes 60. The ids are never negative, which frees each 32-bit word's top bit for a
/// flag.
/// </summary>
/// <remarks>
/// An encoded IP that is no MD5 is stored as its id in <see cref="_ipLow"/>, with <see cref="OtherIpFlag"/> set in
/// the user agent's word; an MD5's key never has that flag, so no MD5 can equal another encoded IP's key whatever
/// its bytes. The episode is stored plus one, so a slot of zeroes is empty and no key is all zeroes.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal struct ListenerGroupEntry
{
    private const uint OtherIpFlag = 1u << 31;
    private const uint QualifiesFlag = 1u << 31;

    private ulong _ipHigh;
    private ulong _ipLow;
    private long _earliestTicks;
    private uint _agentAndOtherIp;
    private uint _episodePlusOne;
    private int _window;
    private uint _refererAndQualifies;

    /// <summary>Gets whether the slot holds no group.</summary>
    public readonly bool IsEmpty => _episodePlusOne == 0;

    /// <summary>Gets the group's key, as it was added.</summary>
    public readonly ListenerKey Key
    {
        get
        {
            var isOther = (_agentAndOtherIp & OtherIpFlag) != 0;
            return new ListenerKey(
                isOther ? 0 : _ipHigh,
                isOther ? 0 : _ipLow,
                isOther ? (int)_ipLow : EncodedIpTable.Hashed,
                (int)(_agentAndOtherIp & ~OtherIpFlag),
                (int)(_episodePlusOne - 1),
                _window);
        }
    }

    /// <summary>Gets the id of the group's user agent, without unpacking the whole key.</summary>
    public readonly int UserAgentId => (int)(_agentAndOtherIp & ~OtherIpFlag);

    /// <summary>Gets the id of the group's episode, without unpacking the whole key.</summary>
    public readonly int EpisodeId => (int)(_episodePlusOne - 1);

    /// <summary>Gets whether any request of the group qualifies, without unpacking the whole group.</summary>
    public readonly bool Qualifies => (_refererAndQualifies & QualifiesFlag) != 0;

    /// <summary>Gets or sets the group's earliest request and whether any of its requests qualifies.</summary>
    public ListenerGroup Group
    {
        readonly get => new(
            _earliestTicks,
            (int)(_refererAndQualifies & ~QualifiesFlag),
            (_refererAndQualifies & QualifiesFlag) != 0);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value.EarliestRefererId);
            _earliestTicks = value.EarliestTicks;
            _refererAndQualifies = (uint)value.EarliestRefererId | (value.Qualifies ? QualifiesFlag : 0);
        }
    }

    /// <summary>Returns an entry that holds <paramref name="key"/> and an empty group.</summary>
    public static ListenerGroupEntry Keyed(in ListenerKey key)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(key.UserAgentId);
        ArgumentOutOfRangeException.ThrowIfNegative(key.EpisodeId);
        ArgumentOutOfRangeException.ThrowIfLessThan(key.OtherIpId, EncodedIpTable.Hashed);
        if (key.OtherIpId == EncodedIpTable.Hashed)
        {
            return new ListenerGroupEntry
            {
                _ipHigh = key.IpHigh,
                _ipLow = key.IpLow,
                _agentAndOtherIp = (uint)key.UserAgentId,
                _episodePlusOne = (uint)key.EpisodeId + 1,
                _window = key.Window,
            };
        }

        if ((key.IpHigh | key.IpLow) != 0)
        {
            throw new ArgumentException(
                $"A listener key with another encoded IP (id {key.OtherIpId}) must have no MD5 bytes.",
                nameof(key));
        }

        return new ListenerGroupEntry
        {
            _ipLow = (ulong)key.OtherIpId,
            _agentAndOtherIp = (uint)key.UserAgentId | OtherIpFlag,
            _episodePlusOne = (uint)key.EpisodeId + 1,
            _window = key.Window,
        };
    }

    /// <summary>Returns whether this entry and <paramref name="other"/> hold the same key.</summary>
    public readonly bool HasKeyOf(in ListenerGroupEntry other) =>
        _ipHigh == other._ipHigh
        && _ipLow == other._ipLow
        && _agentAndOtherIp == other._agentAndOtherIp
        && _episodePlusOne == other._episodePlusOne
        && _window == other._window;

    /// <summary>Returns the 64-bit hash of the key: its top bits choose a sub-table, its low 32 a slot.</summary>
    /// <remarks>
    /// An MD5's bytes are as good a hash as any, but another encoded IP's id and the other ids are small
    /// numbers: each part is multiplied by its own odd constant and the sum is mixed (as in MurmurHash3's finish)
    /// so every bit of every part reaches the top and the low bits alike.
    /// </remarks>
    public readonly ulong KeyHash()
    {
        var hash = (_ipHigh * 0x9E37_79B9_7F4A_7C15)
            ^ (_ipLow * 0xC2B2_AE3D_27D4_EB4F)
            ^ ((((ulong)_agentAndOtherIp << 32) | _episodePlusOne) * 0x1656_67B1_9E37_79F9)
            ^ ((ulong)(uint)_window * 0x85EB_CA77_C2B2_AE63);
        hash ^= hash >> 33;
        hash *= 0xFF51_AFD7_ED55_8CCD;
        hash ^= hash >> 33;
        hash *= 0xC4CE_B9FE_1A85_EC53;
        return hash ^ (hash >> 33);
    }
}
