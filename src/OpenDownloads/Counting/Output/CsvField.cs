namespace OpenDownloads.Counting.Output;

/// <summary>Writes CSV fields the way Python's csv module does by default, as oDL's files are written.</summary>
internal static class CsvField
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static string Escape(string value) => value.IndexOfAny(NeedsQuotes) < 0
        ? value
        : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Row(params string[] fields) => string.Join(',', fields.Select(Escape));
}
