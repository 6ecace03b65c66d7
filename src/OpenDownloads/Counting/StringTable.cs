namespace OpenDownloads.Counting;

/// <summary>
/// Gives each distinct string a small id, so a listener key is a few integers and a user agent seen millions of
/// times is stored once.
/// </summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public int Count => _values.Count;

    public int GetId(string value)
    {
        if (!_ids.TryGetValue(value, out var id))
        {
            id = _values.Count;
            _ids.Add(value, id);
            _values.Add(value);
        }

        return id;
    }

    public bool TryGetExistingId(string value, out int id) => _ids.TryGetValue(value, out id);

    public string this[int id] => _values[id];
}
