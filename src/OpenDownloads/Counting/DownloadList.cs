using System.Collections;

namespace OpenDownloads.Counting;

/// <summary>
/// The downloads of a count, in their stable order, made into <see cref="Download"/> records only when read: a
/// count of millions of downloads then holds compact rows, and the records and their strings live only while a
/// file is written.
/// </summary>
internal sealed class DownloadList : IReadOnlyList<Download>
{
    private readonly DownloadRow[] _rows;
    private readonly Func<DownloadRow, Download> _make;

    public DownloadList(DownloadRow[] rows, Func<DownloadRow, Download> make)
    {
        _rows = rows;
        _make = make;
    }

    public int Count => _rows.Length;

    public Download this[int index] => _make(_rows[index]);

    public IEnumerator<Download> GetEnumerator()
    {
        foreach (var row in _rows)
        {
            yield return _make(row);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
