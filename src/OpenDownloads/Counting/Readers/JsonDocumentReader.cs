using System.Text.Json;

namespace OpenDownloads.Counting.Readers;

/// <summary>
/// Reads a JSON document of events without loading it whole: an array of event objects, or OP3's export, an
/// object whose <c>rows</c> array holds event objects (json, json-o) or value arrays named by <c>headers</c>
/// (json-a). Broken JSON ends the file with one rejected record that says where; the records before it count.
/// </summary>
public sealed class JsonDocumentReader : ILogReader
{
    /// <summary>The largest single event accepted, in bytes.</summary>
    public const int MaxEventBytes = 16 * 1024 * 1024;

    /// <inheritdoc/>
    public IEnumerable<RawRecord> Read(Stream stream, string sourceName, FieldMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(mapping);
        var walker = new JsonRowWalker(new JsonTokenCursor(stream, MaxEventBytes), sourceName, mapping);
        while (true)
        {
            RawRecord? record;
            string? error = null;
            long errorLine = 0;
            try
            {
                record = walker.Next();
            }
            catch (JsonException exception)
            {
                record = null;
                error = JsonErrors.Describe(exception);

                // The reader's state carries its line count across refills, so the exception's line is the file's.
                errorLine = JsonErrors.Line(exception, walker.Line);
            }

            if (error is not null)
            {
                var location = new RecordLocation(sourceName, errorLine, walker.RecordCount + 1);
                yield return RawRecord.Unreadable(location, $"The JSON is broken, so reading stopped here: {error}");
                yield break;
            }

            if (record is null)
            {
                yield break;
            }

            yield return record;
        }
    }
}
