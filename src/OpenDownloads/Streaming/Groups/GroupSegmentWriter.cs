using System.Buffers;
using System.Security.Cryptography;
using Azure.Data.Tables;
using OpenDownloads.Streaming.Days;

namespace OpenDownloads.Streaming.Groups;

/// <summary>
/// Packs a day's planned groups into as few segment rows as the entity limits allow. A row is named by the SHA-256
/// of its payload and put in the day's partition of that hash's first hex digit: the same groups always make the
/// same row, so two instances writing the same batch write one row, and different rows never collide.
/// </summary>
internal static class GroupSegmentWriter
{
    public static List<GroupSegment> Pack(StreamDay day, IReadOnlyList<PlannedGroup> groups)
    {
        var segments = new List<GroupSegment>();
        var payload = new ArrayBufferWriter<byte>(64 * 1024);
        var entry = new ArrayBufferWriter<byte>(1024);
        var members = new List<PlannedGroup>();
        foreach (var group in groups)
        {
            entry.ResetWrittenCount();
            GroupEntryCodec.Write(entry, new GroupEntry(
                group.Key.EncodedIp, group.Key.UserAgent, group.Key.EpisodeId, group.State));
            if (entry.WrittenCount > GroupSegmentLayout.PayloadBytes)
            {
                // Unreachable from a request: preparation caps each field at 8,192 characters, about 100 KB here.
                throw new StreamingException(
                    $"A listener group of day {day} takes {entry.WrittenCount} bytes; a segment row holds at most "
                    + $"{GroupSegmentLayout.PayloadBytes}.");
            }

            if (payload.WrittenCount + entry.WrittenCount > GroupSegmentLayout.PayloadBytes)
            {
                segments.Add(ToSegment(day, payload.WrittenSpan, members));
                payload.ResetWrittenCount();
                members = [];
            }

            payload.Write(entry.WrittenSpan);
            members.Add(group);
        }

        if (members.Count > 0)
        {
            segments.Add(ToSegment(day, payload.WrittenSpan, members));
        }

        return segments;
    }

    private static GroupSegment ToSegment(StreamDay day, ReadOnlySpan<byte> payload, List<PlannedGroup> members)
    {
        var rowKey = Convert.ToHexStringLower(SHA256.HashData(payload));
        var entity = new TableEntity(GroupSegmentLayout.PartitionOf(day, rowKey[0]), rowKey)
        {
            [GroupSegmentLayout.FormatProperty] = GroupSegmentLayout.Format,
            [GroupSegmentLayout.GroupCountProperty] = members.Count,
        };
        for (var i = 0; i * GroupSegmentLayout.PropertyBytes < payload.Length; i++)
        {
            var start = i * GroupSegmentLayout.PropertyBytes;
            var length = Math.Min(GroupSegmentLayout.PropertyBytes, payload.Length - start);
            entity[GroupSegmentLayout.PropertyName(i)] = payload.Slice(start, length).ToArray();
        }

        return new GroupSegment(entity, members);
    }
}
