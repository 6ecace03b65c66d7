namespace OpenDownloads.Agents;

/// <summary>
/// Classifies user agents with the OPAWG v1 list exactly as oDL does: entries and their patterns are tried in file
/// order and the first pattern found anywhere in the user agent decides; an empty or whitespace-only user agent
/// that no entry matches is a bot; anything else unmatched is an unknown player that is counted.
/// </summary>
/// <remarks>Instances are safe to share between threads.</remarks>
public sealed class AgentClassifier
{
    /// <summary>How many distinct user agents are remembered before the cache starts again.</summary>
    internal const int DefaultCacheCapacity = 100_000;

    private readonly AgentEntry[] _entries;
    private readonly PlayerCache _cache;

    internal AgentClassifier(IReadOnlyList<AgentEntry> entries, int cacheCapacity)
    {
        _entries = [.. entries];
        _cache = new PlayerCache(cacheCapacity);
        PatternCount = _entries.Sum(entry => entry.Patterns.Count);
    }

    /// <summary>Gets the number of patterns loaded, over all entries.</summary>
    public int PatternCount { get; }

    /// <summary>Gets the list's entries in file order.</summary>
    internal IReadOnlyList<AgentEntry> Entries => _entries;

    /// <summary>Reads an OPAWG v1 <c>user-agents.json</c> list.</summary>
    /// <param name="json">The list: a JSON array of entries, each with a <c>user_agents</c> array of patterns.</param>
    /// <param name="sourceName">A name for the list, such as its path, used in error messages.</param>
    /// <exception cref="FormatException">
    /// The stream is not a JSON array of entries, an entry has no <c>user_agents</c> array, or a pattern does not
    /// compile even after translation from Python's dialect.
    /// </exception>
    public static AgentClassifier Load(Stream json, string sourceName) =>
        new(AgentListReader.Read(json, sourceName), DefaultCacheCapacity);

    /// <summary>
    /// Reads several OPAWG v1 lists as one: the entries of the first list come first, so where lists disagree the
    /// first list wins, as first-match classification implies.
    /// </summary>
    /// <exception cref="FormatException">A list is not a JSON array of valid entries.</exception>
    public static AgentClassifier Load(IEnumerable<(Stream Json, string SourceName)> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var entries = lists.SelectMany(list => AgentListReader.Read(list.Json, list.SourceName)).ToList();
        return new AgentClassifier(entries, DefaultCacheCapacity);
    }

    /// <summary>Returns what the list says about the player sending a user agent.</summary>
    /// <param name="userAgent">The User-Agent header; <see langword="null"/> is treated as empty, as oDL does.</param>
    public PlayerInfo Classify(string? userAgent)
    {
        var key = userAgent ?? string.Empty;
        if (_cache.TryGet(key, out var cached))
        {
            return cached;
        }

        var player = FindEntry(key)?.Player ?? (IsBlank(key) ? PlayerInfo.Blank : PlayerInfo.Unmatched);
        _cache.Add(key, player);
        return player;
    }

    /// <summary>Returns the first entry with a pattern found in the user agent, or <see langword="null"/>.</summary>
    internal AgentEntry? FindEntry(string userAgent)
    {
        foreach (var entry in _entries)
        {
            if (entry.IsMatch(userAgent))
            {
                return entry;
            }
        }

        return null;
    }

    // oDL's final rule is Python's ^(|\s+)$. Python's \s also takes the information separators U+001C to U+001F,
    // which char.IsWhiteSpace does not.
    private static bool IsBlank(string userAgent)
    {
        foreach (var c in userAgent)
        {
            if (!char.IsWhiteSpace(c) && c is not (>= '\u001C' and <= '\u001F'))
            {
                return false;
            }
        }

        return true;
    }
}
