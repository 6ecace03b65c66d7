namespace OpenDownloads.Streaming.Counters;

/// <summary>What became of one record in the stream path.</summary>
public enum RecordOutcome
{
    /// <summary>A listener's request: merged into its listener group.</summary>
    Grouped,

    /// <summary>Dropped because its user agent is a bot.</summary>
    Bot,

    /// <summary>Dropped because it came from a datacenter address.</summary>
    DeniedIp,

    /// <summary>Could not be read or prepared; dead-lettered.</summary>
    Rejected,

    /// <summary>Arrived after its day closed; dead-lettered.</summary>
    Late,
}
