using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Streaming.Output;

/// <summary>
/// Writes a batch's bad records to one JSON-lines blob, named by the partition and the batch's sequence numbers, so
/// a redelivered batch rewrites the same blob. A batch split differently on redelivery may repeat a line in another
/// blob; each line names its partition, sequence number and record, so repeats can be told apart. A replayed file's
/// dead letter also names the file and its line (or record), since the line within a one-line body says nothing.
/// </summary>
internal sealed class DeadLetterWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly BlobContainerClient _container;
    private readonly string _prefix;
    private readonly ILogger _logger;

    public DeadLetterWriter(BlobContainerClient container, string prefix, ILogger logger)
    {
        _container = container;
        _prefix = prefix;
        _logger = logger;
    }

    /// <summary>Writes <paramref name="letters"/> and returns the blob's name.</summary>
    public async Task<string> WriteAsync(
        string partitionId,
        long firstSequence,
        long lastSequence,
        DateTimeOffset now,
        IReadOnlyList<DeadLetter> letters,
        CancellationToken cancellationToken)
    {
        var name = string.Create(
            CultureInfo.InvariantCulture,
            $"{_prefix}{now:yyyy'/'MM'/'dd}/p{partitionId}-{firstSequence:D19}-{lastSequence:D19}.jsonl");
        var content = new StringBuilder();
        foreach (var letter in letters)
        {
            content.Append(Line(partitionId, letter)).Append('\n');
        }

        await _container.GetBlobClient(name).UploadAsync(
            BinaryData.FromString(content.ToString()),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" } },
            cancellationToken);
        StreamingLog.DeadLettered(_logger, letters.Count, partitionId, name);
        return name;
    }

    private static string Line(string partitionId, DeadLetter letter)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("partition", partitionId);
            writer.WriteNumber("sequence", letter.SequenceNumber);
            if (letter.Offset is not null)
            {
                writer.WriteString("offset", letter.Offset);
            }

            writer.WriteString("enqueued", letter.EnqueuedTime.ToUniversalTime());
            writer.WriteNumber("line", letter.Location.Line);
            writer.WriteNumber("record", letter.Location.Record);
            if (letter.Origin is { } origin)
            {
                writer.WriteString("file", origin.Source);
                if (origin.Line > 0)
                {
                    writer.WriteNumber("file_line", origin.Line);
                }

                writer.WriteNumber("file_record", origin.Record);
            }

            writer.WriteString("kind", letter.IsLate ? "late" : "rejected");
            writer.WriteString("reason", letter.Reason);
            if (letter.Record is { } record)
            {
                writer.WriteStartObject("fields");
                foreach (var field in Enum.GetValues<OdlField>())
                {
                    if (field != OdlField.Ip && record[field] is { } value)
                    {
                        writer.WriteString(FieldMapping.OdlName(field), value);
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
