namespace OpenDownloads.Rotation.Coordination;

/// <summary>A batch this run set to Running, and the concurrency slot it holds.</summary>
internal sealed record RunClaim(ConsumerBatch Batch, string Slot, string Holder);
