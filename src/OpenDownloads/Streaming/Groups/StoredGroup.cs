namespace OpenDownloads.Streaming.Groups;

/// <summary>A listener group as read back from the state table.</summary>
internal sealed record StoredGroup(string EncodedIp, string UserAgent, string EpisodeId, GroupState State);
