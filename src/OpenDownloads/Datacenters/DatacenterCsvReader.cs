using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Datacenters;

/// <summary>
/// Reads a datacenter list in ipcat's layout: one <c>start,end,name,url</c> row per line, addresses inclusive.
/// Tolerates a byte order mark, CRLF, a missing final newline, blank lines, <c>#</c> comment lines and quoted
/// fields; anything else wrong is reported with the line it is on.
/// </summary>
internal static class DatacenterCsvReader
{
    private const string Layout = "start,end,name,url";

    /// <summary>The longest line read; a real row is under 200 bytes, so a longer one means a wrong file.</summary>
    private const int MaxLineBytes = 64 * 1024;

    public static List<DatacenterRange> Read(Stream csv, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(sourceName);

        // The same splitter as the log readers: a byte order mark, CRLF, quoted fields and bounded lines.
        var rows = new CsvRowSplitter(new LineSplitter(csv, MaxLineBytes), (byte)',');
        var ranges = new List<DatacenterRange>();
        while (rows.TryReadRow(out var fields, out var lineNumber, out var error))
        {
            var row = new RowContext(sourceName, lineNumber);
            if (error is not null)
            {
                throw row.Invalid($"cannot be read ({error})", $"a row of {Layout}");
            }

            var first = fields[0].AsSpan().TrimStart();
            var blank = fields.Count == 1 && first.IsEmpty;
            if (!blank && !first.StartsWith('#'))
            {
                ranges.Add(ReadRow(fields, row));
            }
        }

        return ranges;
    }

    private static DatacenterRange ReadRow(List<string> fields, RowContext row)
    {
        if (fields.Count != 4)
        {
            throw row.Invalid(
                $"has {fields.Count} fields ('{Excerpt(string.Join(',', fields))}')",
                $"4 fields: {Layout}");
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
            throw row.Invalid(
                $"has an empty name ('{Excerpt(string.Join(',', fields))}')", "the provider's name in the third field");
        }

        return new DatacenterRange(new IpRange(start, end), fields[2], fields[3]);
    }

    // A wrong file (a binary, a one-line JSON document) must not fill the terminal with its content.
    private static string Excerpt(string text) => InputExcerpt.Of(text);

    private static UInt128 ReadAddress(string field, string role, RowContext row)
    {
        if (!IpAddressParser.TryParse(field.AsSpan().Trim(), out var address))
        {
            throw row.Invalid(
                $"has the {role} address '{Excerpt(field)}', which is not an IP address",
                "a dotted-quad IPv4 or an IPv6 address");
        }

        return address;
    }

    private readonly record struct RowContext(string SourceName, long LineNumber)
    {
        public FormatException Invalid(string problem, string expected) =>
            new($"Line {LineNumber} of the datacenter list '{SourceName}' {problem}; expected {expected}.");
    }
}
