using Azure;

namespace OpenDownloads.Streaming.Reference;

/// <summary>A loaded reference list, the ETags it was read at, and when they were last checked.</summary>
/// <param name="Value">The list.</param>
/// <param name="ETags">The ETag of each blob it came from, or of the pointer it was found through.</param>
/// <param name="CheckedAt">When the ETags were last compared with storage.</param>
internal sealed record LoadedReference<T>(T Value, IReadOnlyList<ETag?> ETags, DateTimeOffset CheckedAt);
