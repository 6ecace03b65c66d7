namespace OpenDownloads.Counting.Readers;

/// <summary>The request-log formats <c>odl count</c> reads.</summary>
public enum LogFormat
{
    /// <summary>oDL's interchange file: an Avro object container (<c>*.odl.avro</c>).</summary>
    Avro,

    /// <summary>One JSON event object per line (<c>*.jsonl</c>, <c>*.ndjson</c>).</summary>
    JsonLines,

    /// <summary>A JSON array of events, or OP3's export object with a <c>rows</c> array.</summary>
    Json,

    /// <summary>Comma-separated values with a header row.</summary>
    Csv,

    /// <summary>Tab-separated values with a header row, as OP3 exports by default.</summary>
    Tsv,

    /// <summary>nginx or Apache combined log lines, optionally followed by the Range header.</summary>
    Combined,

    /// <summary>
    /// Azure Monitor diagnostic logs (Front Door, Azure CDN, Storage blob): a <c>{"records": [...]}</c> file, or
    /// JSON lines of such envelopes as Event Hubs capture writes them.
    /// </summary>
    AzureMonitor,
}
