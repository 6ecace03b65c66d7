using System.Text;

namespace OpenDownloads.Datacenters.Output;

/// <summary>
/// Writes ranges in ipcat's <c>datacenters.csv</c> layout, byte for byte as ipcat writes it: <c>start,end,name,url</c>
/// with LF line ends and a final newline, a field quoted only when it holds a comma, a quote or a line break or
/// starts with white space, and a quote inside a quoted field doubled (RFC 4180).
/// </summary>
internal static class DatacenterCsvWriter
{
    public static byte[] Write(IEnumerable<DatacenterRange> ranges)
    {
        var text = new StringBuilder();
        foreach (var range in ranges)
        {
            text.Append(IpAddressSpace.Format(range.Range.Start)).Append(',')
                .Append(IpAddressSpace.Format(range.Range.End)).Append(',');
            AppendField(text, range.Name);
            text.Append(',');
            AppendField(text, range.Url);
            text.Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void AppendField(StringBuilder text, string field)
    {
        var quote = field.Length > 0
            && (field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(field[0]));
        if (!quote)
        {
            text.Append(field);
            return;
        }

        text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
