namespace OpenDownloads.Counting.Preparation;

/// <summary>The result of preparing one record: a request, a denied IP, or a rejection with its reason.</summary>
/// <param name="Outcome">What became of the record.</param>
/// <param name="Event">The request, when <paramref name="Outcome"/> is <see cref="PrepareOutcome.Accepted"/>.</param>
/// <param name="Reason">Why the record was rejected, when it was.</param>
public readonly record struct PreparedRecord(PrepareOutcome Outcome, RequestEvent Event, string? Reason)
{
    /// <summary>Creates an accepted record.</summary>
    public static PreparedRecord Accept(RequestEvent request) => new(PrepareOutcome.Accepted, request, null);

    /// <summary>Creates a rejection with its reason.</summary>
    public static PreparedRecord Reject(string reason) => new(PrepareOutcome.Rejected, default, reason);

    /// <summary>Gets the record of a request from a datacenter address.</summary>
    public static PreparedRecord Denied => new(PrepareOutcome.DeniedIp, default, null);
}
