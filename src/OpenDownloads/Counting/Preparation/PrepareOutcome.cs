namespace OpenDownloads.Counting.Preparation;

/// <summary>What oDL's prepare stage made of a record.</summary>
public enum PrepareOutcome
{
    /// <summary>The record is a request to count.</summary>
    Accepted,

    /// <summary>The record came from a datacenter address and is dropped.</summary>
    DeniedIp,

    /// <summary>The record could not be read; it is kept with its reason.</summary>
    Rejected,
}
