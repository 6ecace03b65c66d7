namespace OpenDownloads.Streaming.Groups;

/// <summary>One listener group's strings and state as a segment row carries it.</summary>
internal readonly record struct GroupEntry(string EncodedIp, string UserAgent, string EpisodeId, GroupState State);
