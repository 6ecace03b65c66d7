using System.Text;

namespace OpenDownloads.Counting.Readers;

/// <summary>
/// Resolves a field name, given as the UTF-8 bytes of a JSON property name, to the oDL field a
/// <see cref="FieldMapping"/> maps it to. A log repeats the same dozen names on every line, so the names seen are
/// kept with their answers and compared as bytes, without making a string of each.
/// </summary>
/// <remarks>Not thread-safe; a reader keeps its own.</remarks>
internal sealed class FieldNameCache(FieldMapping mapping)
{
    // A source with more distinct names than this is unusual; its other names are resolved through the mapping.
    private const int MaxNames = 64;

    private readonly List<(byte[] Name, OdlField? Field)> _seen = [];

    // Where the name after the last one found was kept: a log writes its names in the same order on every line, so
    // this is nearly always the next name asked for.
    private int _next;

    /// <summary>
    /// Returns whether <paramref name="afterQuote"/>, the bytes after a name's opening quote, starts with the name
    /// expected next and its closing quote; if so, gives that name's field and length.
    /// </summary>
    public bool TryExpected(ReadOnlySpan<byte> afterQuote, out OdlField? field, out int length)
    {
        field = null;
        length = 0;
        if (_seen.Count == 0)
        {
            return false;
        }

        var index = _next < _seen.Count ? _next : 0;
        var (name, expected) = _seen[index];
        if (afterQuote.Length <= name.Length || afterQuote[name.Length] != '"' || !afterQuote.StartsWith(name))
        {
            return false;
        }

        _next = index + 1;
        field = expected;
        length = name.Length;
        return true;
    }

    /// <summary>Returns the field <paramref name="utf8Name"/> (valid UTF-8, no escapes) maps to, or null.</summary>
    public OdlField? Resolve(ReadOnlySpan<byte> utf8Name)
    {
        for (var checkedCount = 0; checkedCount < _seen.Count; checkedCount++)
        {
            var index = (_next + checkedCount) % _seen.Count;
            var (name, field) = _seen[index];
            if (utf8Name.SequenceEqual(name))
            {
                _next = index + 1;
                return field;
            }
        }

        var resolved = mapping.Resolve(Encoding.UTF8.GetString(utf8Name));
        if (_seen.Count < MaxNames)
        {
            _seen.Add((utf8Name.ToArray(), resolved));
            _next = _seen.Count;
        }

        return resolved;
    }
}
