using Azure.Data.Tables;

namespace OpenDownloads.Streaming.Groups;

/// <summary>A segment row ready to be written and the entries it carries, which the cache learns once it is
/// in.</summary>
internal sealed record GroupSegment(TableEntity Entity, IReadOnlyList<PlannedGroup> Groups);
