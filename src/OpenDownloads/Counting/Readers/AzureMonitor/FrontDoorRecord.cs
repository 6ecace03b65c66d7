using System.Text.Json;

namespace OpenDownloads.Counting.Readers.AzureMonitor;

/// <summary>
/// Maps an Azure Front Door (Standard/Premium) or Azure CDN access-log record onto oDL's fields. These logs carry no
/// Range header, so each GET reads as a request for the whole file.
/// </summary>
internal static class FrontDoorRecord
{
    private const string OperationName = "Microsoft.Cdn/Profiles/AccessLog/Write";

    public static bool IsAccessLog(JsonElement record, string? category) => category is null
        ? string.Equals(JsonFields.Text(record, "operationName"), OperationName, StringComparison.OrdinalIgnoreCase)
            || (JsonFields.Properties(record) is { } properties && JsonFields.Text(properties, "clientIp") is not null)
        : category.Equals("FrontDoorAccessLog", StringComparison.OrdinalIgnoreCase)
            || category.Equals("AzureCdnAccessLog", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the record, or null for a copy Front Door logged between its edge and origin shield.</summary>
    public static RawRecord? Read(JsonElement record, RecordLocation location)
    {
        if (JsonFields.Properties(record) is not { } properties)
        {
            return RawRecord.Unreadable(location, "The access-log record has no properties object; expected one.");
        }

        if (!JsonFields.IsNotFalse(properties, "isReceivedFromClient"))
        {
            return null;
        }

        var raw = new RawRecord(location)
        {
            [OdlField.Ip] = JsonFields.Text(properties, "clientIp"),
            [OdlField.UserAgent] = JsonFields.Text(properties, "userAgent"),
            [OdlField.Referer] = JsonFields.Text(properties, "referer") ?? JsonFields.Text(properties, "referrer"),
            [OdlField.HttpMethod] = JsonFields.Text(properties, "httpMethod"),
            [OdlField.Timestamp] = JsonFields.Text(record, "time"),
            [OdlField.EpisodeId] = EpisodeUrl.Normalize(JsonFields.Text(properties, "requestUri")),
        };
        return raw;
    }
}
