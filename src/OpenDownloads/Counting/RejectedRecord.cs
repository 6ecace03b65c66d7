using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Counting;

/// <summary>A record that could not be counted, with where it was and why. It holds no raw field values.</summary>
/// <param name="Location">Where the record was read.</param>
/// <param name="Reason">One sentence saying what was wrong and what was expected.</param>
public sealed record RejectedRecord(RecordLocation Location, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Location}: {Reason}";
}
