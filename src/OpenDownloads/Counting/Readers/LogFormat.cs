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
}
