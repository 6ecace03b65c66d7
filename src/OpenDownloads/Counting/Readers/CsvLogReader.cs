namespace OpenDownloads.Counting.Readers;

/// <summary>
/// Reads delimited text with a header row (CSV, or TSV as OP3 exports it): RFC 4180 quoting, quoted fields
/// across lines, a byte-order mark, CRLF. A row whose field count differs from the header's is rejected.
/// </summary>
public sealed class CsvLogReader : ILogReader
{
    private readonly byte _delimiter;

    /// <summary>Initializes a reader that splits fields on <paramref name="delimiter"/>.</summary>
    public CsvLogReader(char delimiter = ',')
    {
        if (delimiter is '"' or '\r' or '\n' or > '\x7f')
        {
            throw new ArgumentOutOfRangeException(
                nameof(delimiter), delimiter, "The delimiter must be an ASCII character other than a quote or a line end.");
        }

        _delimiter = (byte)delimiter;
    }

    /// <inheritdoc/>
    public IEnumerable<RawRecord> Read(Stream stream, string sourceName, FieldMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(mapping);
        var rows = new CsvRowSplitter(new LineSplitter(stream, JsonLinesReader.MaxLineBytes), _delimiter);
        OdlField?[]? columns = null;
        long record = 0;
        while (rows.TryReadRow(out var fields, out var line, out var error))
        {
            if (columns is null)
            {
                if (error is not null)
                {
                    throw new InvalidDataException($"The header of '{sourceName}' cannot be read: {error}");
                }

                columns = fields.Select(name => mapping.Resolve(name.Trim())).ToArray();
                if (columns.All(column => column is null))
                {
                    throw new InvalidDataException(
                        $"The header of '{sourceName}' names none of oDL's fields (ip, encoded_ip, user_agent, "
                        + "http_method, timestamp, episode_id, ...), so it is not a log odl can read as "
                        + $"{(_delimiter == (byte)'\t' ? "TSV" : "CSV")}; map its columns with --map or name the "
                        + "format with --format.");
                }

                continue;
            }

            var location = new RecordLocation(sourceName, line, ++record);
            yield return ToRecord(location, columns, fields, error);
        }
    }

    private static RawRecord ToRecord(RecordLocation location, OdlField?[] columns, List<string> fields, string? error)
    {
        if (error is not null)
        {
            return RawRecord.Unreadable(location, error);
        }

        if (fields.Count != columns.Length)
        {
            return RawRecord.Unreadable(
                location, $"The row has {fields.Count} fields; the header has {columns.Length}.");
        }

        var record = new RawRecord(location);
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] is { } field)
            {
                record[field] = fields[i];
            }
        }

        return record;
    }
}
