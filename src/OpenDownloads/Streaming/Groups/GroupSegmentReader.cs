using Azure.Data.Tables;

namespace OpenDownloads.Streaming.Groups;

/// <summary>Reads the entries back out of a segment row, refusing a row of any other layout by name.</summary>
internal static class GroupSegmentReader
{
    /// <exception cref="StreamingException">The row is not a segment row of this layout, or is damaged.</exception>
    public static List<GroupEntry> Read(TableEntity entity)
    {
        var format = entity.GetInt32(GroupSegmentLayout.FormatProperty);
        if (format != GroupSegmentLayout.Format)
        {
            throw new StreamingException(
                $"Row '{entity.RowKey}' of partition '{entity.PartitionKey}' has {GroupSegmentLayout.FormatProperty} "
                + $"'{format?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}'; expected a "
                + $"listener-group segment row of format {GroupSegmentLayout.Format}. Rows of one group each come "
                + "from an older version, whose state this version does not read.");
        }

        var expected = entity.GetInt32(GroupSegmentLayout.GroupCountProperty) ?? -1;
        var payload = Payload(entity);
        var entries = new List<GroupEntry>(Math.Max(expected, 0));
        try
        {
            ReadOnlySpan<byte> rest = payload;
            while (!rest.IsEmpty)
            {
                entries.Add(GroupEntryCodec.Read(ref rest));
            }
        }
        catch (FormatException error)
        {
            throw Damaged(entity, error.Message);
        }

        return entries.Count == expected
            ? entries
            : throw Damaged(entity, $"it holds {entries.Count} groups where its {GroupSegmentLayout.GroupCountProperty} "
                + $"property says {expected}.");
    }

    private static byte[] Payload(TableEntity entity)
    {
        var parts = new List<byte[]>();
        for (var i = 0; entity.GetBinary(GroupSegmentLayout.PropertyName(i)) is { } part; i++)
        {
            parts.Add(part);
        }

        var payload = new byte[parts.Sum(part => part.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(payload, offset);
            offset += part.Length;
        }

        return payload;
    }

    private static StreamingException Damaged(TableEntity entity, string reason) => new(
        $"Segment row '{entity.RowKey}' of partition '{entity.PartitionKey}' is damaged: {reason}");
}
