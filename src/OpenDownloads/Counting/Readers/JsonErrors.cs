using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenDownloads.Counting.Readers;

/// <summary>Words System.Text.Json's errors for users, who count lines from 1, not from 0 as its messages do.</summary>
internal static partial class JsonErrors
{
    /// <summary>Returns the error's message without its zero-based position suffix.</summary>
    public static string Describe(JsonException error) => PositionSuffix().Replace(error.Message, ".");

    /// <summary>Returns the 1-based line of the error, or <paramref name="fallback"/> when it has none.</summary>
    public static long Line(JsonException error, long fallback) =>
        error.LineNumber is { } zeroBased ? zeroBased + 1 : fallback;

    [GeneratedRegex(@"\s*(Path: .*?\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.$")]
    private static partial Regex PositionSuffix();
}
