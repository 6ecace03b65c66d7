using System.Text.Json;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Streaming.Input;

/// <summary>
/// Reads Azure Monitor's diagnostic envelope, <c>{"records": [...]}</c>, as diagnostic settings stream it to Event
/// Hubs: Front Door and Azure CDN access logs and Storage blob logs become request records; records of other
/// categories are skipped, and a record that is none of these is rejected.
/// </summary>
internal static class AzureMonitorReader
{
    public static EventRecords Read(ReadOnlyMemory<byte> body, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException error)
        {
            var location = new RecordLocation(sourceName, 0, 1);
            return new EventRecords(
                EventShape.AzureMonitor,
                [RawRecord.Unreadable(location, $"The Azure Monitor envelope is not valid JSON: {error.Message}")],
                0);
        }

        using (document)
        {
            var records = new List<RawRecord>();
            var skipped = 0;
            var index = 0;
            foreach (var element in document.RootElement.GetProperty("records").EnumerateArray())
            {
                var location = new RecordLocation(sourceName, 0, ++index);
                var record = ReadRecord(element, location);
                if (record is null)
                {
                    skipped++;
                }
                else
                {
                    records.Add(record);
                }
            }

            return new EventRecords(EventShape.AzureMonitor, records, skipped);
        }
    }

    private static RawRecord? ReadRecord(JsonElement element, RecordLocation location)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return RawRecord.Unreadable(
                location, $"The record is a JSON {element.ValueKind}; each Azure Monitor record must be an object.");
        }

        var category = JsonFields.Text(element, "category");
        if (FrontDoorRecord.IsAccessLog(element, category))
        {
            return FrontDoorRecord.Read(element, location);
        }

        if (StorageBlobRecord.IsBlobLog(element, category))
        {
            return StorageBlobRecord.Read(element, location);
        }

        return category is null
            ? RawRecord.Unreadable(
                location,
                "The record has no category and is not a Front Door, Azure CDN or Storage blob log record; "
                + "expected one of those.")
            : null;
    }
}
