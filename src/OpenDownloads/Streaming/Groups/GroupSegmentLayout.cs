using System.Globalization;
using OpenDownloads.Streaming.Days;

namespace OpenDownloads.Streaming.Groups;

/// <summary>
/// Where and how segment rows sit in the state table. A row's payload is cut into binary properties
/// <c>P00</c>, <c>P01</c>, ... of at most 64 KiB each (Table storage's limit per property), at most
/// <see cref="PropertiesPerRow"/> of them, so a row stays under the 1 MiB an entity may have with room for its keys
/// and the other properties, and far under the 252 properties an entity may have.
/// </summary>
internal static class GroupSegmentLayout
{
    /// <summary>The number of table partitions a day's segments are spread over, by their row key.</summary>
    public const int ShardCount = 16;

    /// <summary>The layout written into <see cref="FormatProperty"/>; a row with another is refused.</summary>
    public const int Format = 2;

    public const string FormatProperty = "Format";

    public const string GroupCountProperty = "Groups";

    public const int PropertyBytes = 64 * 1024;

    public const int PropertiesPerRow = 15;

    /// <summary>The most payload bytes one row carries: 960 KiB.</summary>
    public const int PayloadBytes = PropertyBytes * PropertiesPerRow;

    public static string PartitionOf(StreamDay day, char shard) => $"g{day.Key}-{shard}";

    public static IEnumerable<string> Partitions(StreamDay day) =>
        Enumerable.Range(0, ShardCount).Select(i => PartitionOf(day, i.ToString("x", CultureInfo.InvariantCulture)[0]));

    public static string PropertyName(int index) => "P" + index.ToString("00", CultureInfo.InvariantCulture);
}
