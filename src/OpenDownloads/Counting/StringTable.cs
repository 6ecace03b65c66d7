using System.Runtime.CompilerServices;

namespace OpenDownloads.Counting;

/// <summary>
/// Gives each distinct string a small id, so a listener key is a few integers and a user agent seen millions of
/// times is stored once.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class StringTable
{
    private const int RecentBits = 12;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    // The readers hand out one string object for a value they see again and again (Utf8StringCache), so the same
    // object comes back here on most requests: found by its identity, it needs no hashing of its text.
    private readonly string?[] _recent = new string?[1 << RecentBits];
    private readonly int[] _recentIds = new int[1 << RecentBits];

    public int Count => _values.Count;

    public int GetId(string value)
    {
        var slot = RuntimeHelpers.GetHashCode(value) & ((1 << RecentBits) - 1);
        if (ReferenceEquals(_recent[slot], value))
        {
            return _recentIds[slot];
        }

        if (!_ids.TryGetValue(value, out var id))
        {
            id = _values.Count;
            _ids.Add(value, id);
            _values.Add(value);
        }

        _recent[slot] = value;
        _recentIds[slot] = id;
        return id;
    }

    public string this[int id] => _values[id];
}
