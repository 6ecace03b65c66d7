namespace OpenDownloads.Streaming.Counters;

/// <summary>How many records of a day (or of no day) came to each end. <see cref="Events"/> counts every record
/// that arrived in time, as <c>odl count</c>'s <c>events</c> does; late ones are counted apart.</summary>
public sealed record RecordTally(long Events, long Bots, long DeniedIp, long Rejected, long Late)
{
    /// <summary>Gets a tally of nothing.</summary>
    public static RecordTally Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Returns the sum of two tallies.</summary>
    public RecordTally Add(RecordTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Events + other.Events, Bots + other.Bots, DeniedIp + other.DeniedIp, Rejected + other.Rejected,
            Late + other.Late);
    }

    /// <summary>Returns the tally of one record.</summary>
    public static RecordTally Of(RecordOutcome outcome) => outcome switch
    {
        RecordOutcome.Bot => new(1, 1, 0, 0, 0),
        RecordOutcome.DeniedIp => new(1, 0, 1, 0, 0),
        RecordOutcome.Rejected => new(1, 0, 0, 1, 0),
        RecordOutcome.Late => new(0, 0, 0, 0, 1),
        _ => new(1, 0, 0, 0, 0),
    };
}
