namespace OpenDownloads.Streaming.Counters;

/// <summary>One record's outcome and the sequence number of the event that carried it.</summary>
internal readonly record struct CountedRecord(long SequenceNumber, RecordOutcome Outcome);
