using System.Text.Json;

namespace OpenDownloads.Counting.Readers.AzureMonitor;

/// <summary>
/// Maps an Azure Storage blob resource-log record onto oDL's fields. The method comes from the operation:
/// <c>GetBlob</c> is a GET and <c>GetBlobProperties</c> a HEAD; other operations are not requests for an episode
/// and are skipped. These logs carry no Range header, so each GetBlob reads as a request for the whole file.
/// </summary>
internal static class StorageBlobRecord
{
    public static bool IsBlobLog(JsonElement record, string? category) => category is null
        ? JsonFields.Text(record, "callerIpAddress") is not null
        : category.StartsWith("Storage", StringComparison.OrdinalIgnoreCase)
            && (category.EndsWith("Read", StringComparison.OrdinalIgnoreCase)
                || category.EndsWith("Write", StringComparison.OrdinalIgnoreCase)
                || category.EndsWith("Delete", StringComparison.OrdinalIgnoreCase));

    /// <summary>Returns the record, or null for an operation that is not reading a blob.</summary>
    public static RawRecord? Read(JsonElement record, RecordLocation location)
    {
        var method = JsonFields.Text(record, "operationName") switch
        {
            "GetBlob" => "GET",
            "GetBlobProperties" => "HEAD",
            _ => null,
        };
        if (method is null)
        {
            return null;
        }

        var properties = JsonFields.Properties(record);
        var caller = JsonFields.Text(record, "callerIpAddress");
        return new RawRecord(location)
        {
            [OdlField.Ip] = caller is null ? null : CallerAddress.WithoutPort(caller),
            [OdlField.UserAgent] = properties is { } p1 ? JsonFields.Text(p1, "userAgentHeader") : null,
            [OdlField.Referer] = properties is { } p2 ? JsonFields.Text(p2, "referrerHeader") : null,
            [OdlField.HttpMethod] = method,
            [OdlField.Timestamp] = JsonFields.Text(record, "time"),
            [OdlField.EpisodeId] = EpisodeUrl.Normalize(JsonFields.Text(record, "uri")),
        };
    }
}
