namespace OpenDownloads.Counting.Readers.AzureMonitor;

/// <summary>One envelope cut from an Azure Monitor file, or the reason the rest of the file could not be cut.</summary>
/// <param name="Body">An envelope holding one record, or the whole file when it is not JSON from its start; empty
/// when <paramref name="Error"/> is set.</param>
/// <param name="Origin">The file, the line its record starts on, and the record's place in the file.</param>
/// <param name="Error">Why the file could not be read from here on.</param>
public sealed record EnvelopePart(ReadOnlyMemory<byte> Body, RecordLocation Origin, string? Error = null);
