using System.Text;

namespace OpenDownloads.Datacenters;

/// <summary>Splits one line of comma-separated values into fields, with RFC 4180 quoting.</summary>
/// <remarks>
/// A quoted field may hold commas and doubled quotes but not a line break: datacenter lists are read a line at a
/// time, and no name or URL in them spans lines. A quote inside an unquoted field is kept as text.
/// </remarks>
internal static class CsvRowSplitter
{
    /// <summary>Splits <paramref name="line"/> into <paramref name="fields"/>, replacing what it held.</summary>
    /// <returns>False when a quoted field is not closed, or is followed by anything but a comma.</returns>
    public static bool TrySplit(string line, List<string> fields)
    {
        fields.Clear();
        var position = 0;
        while (true)
        {
            if (!TryReadField(line, ref position, out var field))
            {
                return false;
            }

            fields.Add(field);
            if (position == line.Length)
            {
                return true;
            }

            position++;
        }
    }

    // Reads the field starting at `position` and leaves `position` on the comma after it or at the end of line.
    private static bool TryReadField(string line, ref int position, out string field)
    {
        if (position == line.Length || line[position] != '"')
        {
            var comma = line.IndexOf(',', position);
            var end = comma < 0 ? line.Length : comma;
            field = line[position..end];
            position = end;
            return true;
        }

        var text = new StringBuilder();
        for (var i = position + 1; i < line.Length; i++)
        {
            if (line[i] != '"')
            {
                text.Append(line[i]);
            }
            else if (i + 1 < line.Length && line[i + 1] == '"')
            {
                text.Append('"');
                i++;
            }
            else
            {
                field = text.ToString();
                position = i + 1;
                return position == line.Length || line[position] == ',';
            }
        }

        field = text.ToString();
        return false;
    }
}
