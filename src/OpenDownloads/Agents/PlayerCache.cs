using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace OpenDownloads.Agents;

/// <summary>
/// Remembers the player found for each user agent, because the same few thousand user agents make up almost every
/// request. Bounded by clearing everything when full: a day's distinct user agents rarely reach the capacity, and
/// when they do, one burst of re-classification is cheaper than tracking recency on every hit.
/// </summary>
internal sealed class PlayerCache
{
    // Longer user agents are rare, usually junk, and would make the memory bound meaningless.
    private const int MaxKeyLength = 1024;

    private readonly ConcurrentDictionary<string, PlayerInfo> _players = new(StringComparer.Ordinal);
    private readonly int _capacity;

    // Kept apart from the dictionary because ConcurrentDictionary.Count takes every lock. Threads racing a clear
    // can leave it off by a few, which only moves the next clear slightly.
    private int _count;

    public PlayerCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    public bool TryGet(string userAgent, [NotNullWhen(true)] out PlayerInfo? player) =>
        _players.TryGetValue(userAgent, out player);

    public void Add(string userAgent, PlayerInfo player)
    {
        if (userAgent.Length > MaxKeyLength || !_players.TryAdd(userAgent, player))
        {
            return;
        }

        if (Interlocked.Increment(ref _count) > _capacity)
        {
            _players.Clear();
            Interlocked.Exchange(ref _count, 0);
        }
    }
}
