using System.Text.Json;

namespace OpenDownloads.Counting.Readers.AzureMonitor;

/// <summary>
/// Reads Azure Monitor's diagnostic envelope, <c>{"records": [...]}</c>, as diagnostic settings stream it to Event
/// Hubs: Front Door and Azure CDN access logs and Storage blob logs become request records; metrics and the known
/// categories that hold no requests (<see cref="AzureMonitorCategories"/>) are skipped, and any other record is
/// rejected with its category. One bad record never keeps the others of its envelope from being counted.
/// </summary>
internal static class AzureMonitorReader
{
    public static AzureMonitorRecords Read(ReadOnlyMemory<byte> body, string sourceName) =>
        Read(body, index => new RecordLocation(sourceName, 0, index));

    /// <summary>Reads <paramref name="body"/>, placing its n-th record (1-based) at <paramref name="locate"/>(n).
    /// </summary>
    public static AzureMonitorRecords Read(ReadOnlyMemory<byte> body, Func<int, RecordLocation> locate)
    {
        JsonDocument document;
        try
        {
            // The parser takes no byte-order mark, which some producers write; the shape detector skipped it too.
            var json = body.Span.StartsWith("\uFEFF"u8) ? body[3..] : body;
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException error)
        {
            return new AzureMonitorRecords(
                [RawRecord.Unreadable(locate(1), $"The Azure Monitor envelope is not valid JSON: {error.Message}")],
                0);
        }

        using (document)
        {
            if (RecordsOf(document.RootElement) is null && NotAnArray(document.RootElement) is { } kind)
            {
                return new AzureMonitorRecords(
                    [RawRecord.Unreadable(locate(1), $"The envelope's records is a JSON {kind}; expected an array.")],
                    0);
            }

            var records = new List<RawRecord>();
            var skipped = 0;
            var index = 0;
            foreach (var element in RecordsOf(document.RootElement)?.EnumerateArray() ?? default)
            {
                var location = locate(++index);
                var record = TryReadRecord(element, location);
                if (record is null)
                {
                    skipped++;
                }
                else
                {
                    records.Add(record);
                }
            }

            return new AzureMonitorRecords(records, skipped);
        }
    }

    // The first records array, as the shape detector found it: with the name repeated, JSON keeps the last.
    private static JsonElement? RecordsOf(JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("records"u8) && property.Value.ValueKind == JsonValueKind.Array)
            {
                return property.Value;
            }
        }

        return null;
    }

    private static JsonValueKind? NotAnArray(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("records"u8, out var records)
            ? records.ValueKind
            : null;

    private static RawRecord? TryReadRecord(JsonElement element, RecordLocation location)
    {
        try
        {
            return ReadRecord(element, location);
        }
        catch (InvalidOperationException error)
        {
            // A string with a lone surrogate escape (\ud800) parses as JSON but cannot be read as text.
            return RawRecord.Unreadable(location, $"The record has a field that is not valid text: {error.Message}");
        }
        catch (FormatException error)
        {
            return RawRecord.Unreadable(location, error.Message);
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

        if (category is null)
        {
            // Metrics streamed by the same diagnostic setting carry a metric name and no category.
            return JsonFields.Text(element, "metricName") is not null
                ? null
                : RawRecord.Unreadable(
                    location,
                    "The record has no category and is not a Front Door, Azure CDN or Storage blob log record; "
                    + $"expected a category of {AzureMonitorCategories.Read}.");
        }

        return AzureMonitorCategories.HoldsNoRequests(category)
            ? null
            : RawRecord.Unreadable(
                location,
                $"The record's category '{category}' is not a request log the counter reads; expected "
                + $"{AzureMonitorCategories.Read}.");
    }
}
