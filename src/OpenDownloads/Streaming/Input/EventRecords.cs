using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Streaming.Input;

/// <summary>The records found in one event body.</summary>
/// <param name="Shape">What the body held.</param>
/// <param name="Records">The request records, including those that could not be read.</param>
/// <param name="Skipped">Records that are not client requests to count, such as Front Door's origin-shield copies
/// or storage operations other than reading a blob.</param>
public sealed record EventRecords(EventShape Shape, IReadOnlyList<RawRecord> Records, int Skipped);
