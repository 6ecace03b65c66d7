using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace OpenDownloads.Cli.Streaming;

/// <summary>
/// Reads a replay's dead letters back from its container before the run's storage is deleted, once each (a
/// redelivered batch may have written a line twice), in the order of the files and their lines.
/// </summary>
internal static class StreamDeadLetters
{
    public static async Task<List<StreamRejection>> ReadAsync(
        BlobContainerClient container,
        string prefix,
        IReadOnlyList<string> logs,
        CancellationToken cancellationToken)
    {
        var seen = new HashSet<(string, long, long, long)>();
        var letters = new List<StreamRejection>();
        var listing = new GetBlobsOptions { Prefix = prefix };
        await foreach (var blob in container.GetBlobsAsync(listing, cancellationToken))
        {
            var content = await container.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
            foreach (var line in content.Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var json = JsonDocument.Parse(line);
                var letter = json.RootElement;
                var key = (letter.GetProperty("partition").GetString()!, letter.GetProperty("sequence").GetInt64(),
                    letter.GetProperty("line").GetInt64(), letter.GetProperty("record").GetInt64());
                if (seen.Add(key))
                {
                    letters.Add(Rejection(letter));
                }
            }
        }

        var fileOrder = logs.Select((log, index) => (log, index)).DistinctBy(p => p.log)
            .ToDictionary(p => p.log, p => p.index);
        return [.. letters
            .OrderBy(r => fileOrder.GetValueOrDefault(r.Source, int.MaxValue))
            .ThenBy(r => r.Source, StringComparer.Ordinal)
            .ThenBy(r => r.Record)
            .ThenBy(r => r.Line)];
    }

    private static StreamRejection Rejection(JsonElement letter)
    {
        var hasFile = letter.TryGetProperty("file", out var file);
        var source = hasFile ? file.GetString()! : $"p{letter.GetProperty("partition").GetString()}/s"
            + letter.GetProperty("sequence").GetInt64();
        var line = hasFile
            ? letter.TryGetProperty("file_line", out var fileLine) ? fileLine.GetInt64() : 0
            : letter.GetProperty("line").GetInt64();
        var record = letter.GetProperty(hasFile ? "file_record" : "record").GetInt64();
        var late = letter.TryGetProperty("kind", out var kind) && kind.GetString() == "late";
        return new StreamRejection(source, line, record, letter.GetProperty("reason").GetString()!, late);
    }
}
