using System.Text;

namespace OpenDownloads.Datacenters;

/// <summary>
/// Reads a datacenter list in ipcat's layout: one <c>start,end,name,url</c> row per line, addresses inclusive.
/// Tolerates a byte order mark, CRLF, a missing final newline, blank lines, <c>#</c> comment lines and quoted
/// fields; anything else wrong is reported with the line it is on.
/// </summary>
internal static class DatacenterCsvReader
{
    private const string Layout = "start,end,name,url";

    public static List<DatacenterRange> Read(Stream csv, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(sourceName);

        // The caller owns the stream; the reader only borrows it.
        using var reader = new StreamReader(
            csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var ranges = new List<DatacenterRange>();
        var fields = new List<string>(4);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var content = line.AsSpan().TrimStart();
            if (content.IsEmpty || content[0] == '#')
            {
                continue;
            }

            ranges.Add(ReadRow(line, fields, new RowContext(sourceName, lineNumber)));
        }

        return ranges;
    }

    private static DatacenterRange ReadRow(string line, List<string> fields, RowContext row)
    {
        if (!CsvRowSplitter.TrySplit(line, fields))
        {
            throw row.Invalid($"has a quoted field that is not closed before a comma or the line end ('{line}')",
                "RFC 4180 quoting within one line");
        }

        if (fields.Count != 4)
        {
            throw row.Invalid($"has {fields.Count} fields ('{line}')", $"4 fields: {Layout}");
        }

        var start = ReadAddress(fields[0], "start", row);
        var end = ReadAddress(fields[1], "end", row);
        if (IpAddressSpace.IsIPv4(start) != IpAddressSpace.IsIPv4(end))
        {
            throw row.Invalid($"mixes address families ('{fields[0]}' to '{fields[1]}')", "both IPv4 or both IPv6");
        }

        if (start > end)
        {
            throw row.Invalid($"starts at '{fields[0]}', after its end '{fields[1]}'", "start at or before end");
        }

        if (string.IsNullOrWhiteSpace(fields[2]))
        {
            throw row.Invalid($"has an empty name ('{line}')", "the provider's name in the third field");
        }

        return new DatacenterRange(new IpRange(start, end), fields[2], fields[3]);
    }

    private static UInt128 ReadAddress(string field, string role, RowContext row)
    {
        if (!IpAddressParser.TryParse(field.AsSpan().Trim(), out var address))
        {
            throw row.Invalid(
                $"has the {role} address '{field}', which is not an IP address",
                "a dotted-quad IPv4 or an IPv6 address");
        }

        return address;
    }

    private readonly record struct RowContext(string SourceName, int LineNumber)
    {
        public FormatException Invalid(string problem, string expected) =>
            new($"Line {LineNumber} of the datacenter list '{SourceName}' {problem}; expected {expected}.");
    }
}
