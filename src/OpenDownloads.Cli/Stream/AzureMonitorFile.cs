using OpenDownloads.Counting.Readers.AzureMonitor;
using OpenDownloads.Streaming.Replay;

namespace OpenDownloads.Cli.Streaming;

/// <summary>
/// Splits an Azure Monitor <c>{"records": [...]}</c> file into one envelope per record, as diagnostic settings
/// would send them, each with the file line its record starts on, the way <c>odl count</c>'s envelope reader cuts it.
/// A file that is not valid JSON from its start goes as one body, which the stream path dead-letters with the parser's
/// reason; one that breaks later keeps the records before the break, and the rest is one rejection.
/// </summary>
internal static class AzureMonitorFile
{
    public static List<ReplayBody> Envelopes(byte[] content, string path) =>
        [.. AzureMonitorEnvelope.Split(content, path).Select(part => part.Error is { } error
            ? new ReplayBody(ReadOnlyMemory<byte>.Empty, part.Origin, null, error)
            : new ReplayBody(part.Body, part.Origin, null))];

    /// <summary>Whether <paramref name="line"/> is an envelope whose records array is empty.</summary>
    public static bool IsEmptyEnvelope(ReadOnlySpan<byte> line) => AzureMonitorEnvelope.IsEmpty(line);
}
