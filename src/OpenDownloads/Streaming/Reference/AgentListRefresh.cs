namespace OpenDownloads.Streaming.Reference;

/// <summary>What one refresh of the OPAWG list blob did.</summary>
/// <param name="Updated">Whether the blob was written: it was missing or its content changed.</param>
/// <param name="Downloaded">Whether a fresh, valid list was downloaded; false keeps the blob as it was.</param>
/// <param name="ByteCount">The size of the list the blob now holds, or 0 when nothing could be read.</param>
/// <param name="Sha256">The SHA-256 of that list, lower-case hex, or empty.</param>
public sealed record AgentListRefresh(bool Updated, bool Downloaded, long ByteCount, string Sha256);
