namespace OpenDownloads.Benchmarks.Generation;

/// <summary>
/// Writes generated events as oDL's interchange file: an Avro object container with oDL's own schema (record name
/// included) and the null codec, as oDL's writer does. Written from the Avro specification alone.
/// </summary>
internal static class AvroEventWriter
{
    /// <summary>oDL's schema, as its writer puts it in the header.</summary>
    public const string Schema =
        """{"type": "record", "doc": "oDL Event Schema", "name": "odl.oDL Events", "fields": ["""
        + """{"name": "ip", "type": ["string", "null"]}, {"name": "encoded_ip", "type": "string"}, """
        + """{"name": "user_agent", "type": "string"}, {"name": "referer", "type": "string"}, """
        + """{"name": "http_method", "type": "string"}, {"name": "timestamp", "type": "string"}, """
        + """{"name": "episode_id", "type": "string"}, {"name": "byte_range_start", "type": ["int", "null"]}, """
        + """{"name": "byte_range_end", "type": ["int", "null"]}]}""";

    private const int RecordsPerBlock = 4096;

    public static void Write(Stream output, IEnumerable<GeneratedEvent> events, int seed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        var sync = new byte[16];
        new Random(seed).NextBytes(sync);
        WriteHeader(output, sync);
        using var block = new MemoryStream();
        var count = 0;
        foreach (var e in events)
        {
            WriteRecord(block, e);
            if (++count == RecordsPerBlock)
            {
                WriteBlock(output, block, count, sync);
                count = 0;
            }
        }

        if (count > 0)
        {
            WriteBlock(output, block, count, sync);
        }
    }

    private static void WriteHeader(Stream output, byte[] sync)
    {
        output.Write("Obj\x01"u8);
        AvroPrimitives.WriteLong(output, 2);
        AvroPrimitives.WriteText(output, "avro.schema");
        AvroPrimitives.WriteText(output, Schema);
        AvroPrimitives.WriteText(output, "avro.codec");
        AvroPrimitives.WriteText(output, "null");
        AvroPrimitives.WriteLong(output, 0);
        output.Write(sync);
    }

    private static void WriteRecord(Stream block, GeneratedEvent e)
    {
        AvroPrimitives.WriteLong(block, 0);
        AvroPrimitives.WriteText(block, e.Ip);

        // The encoded IP is blank: the reader hashes the raw one, as for a log with raw addresses.
        AvroPrimitives.WriteText(block, string.Empty);
        AvroPrimitives.WriteText(block, e.UserAgent);
        AvroPrimitives.WriteText(block, e.Referer);
        AvroPrimitives.WriteText(block, e.HttpMethod);
        AvroPrimitives.WriteText(block, e.Timestamp);
        AvroPrimitives.WriteText(block, e.EpisodeId);
        WriteOptionalInt(block, e.RangeStart);
        WriteOptionalInt(block, e.RangeEnd);
    }

    private static void WriteBlock(Stream output, MemoryStream block, int count, byte[] sync)
    {
        AvroPrimitives.WriteLong(output, count);
        AvroPrimitives.WriteLong(output, block.Length);
        block.WriteTo(output);
        output.Write(sync);
        block.SetLength(0);
    }

    private static void WriteOptionalInt(Stream output, int? value)
    {
        // Union branch 0 is int, 1 is null.
        AvroPrimitives.WriteLong(output, value is null ? 1 : 0);
        if (value is { } number)
        {
            AvroPrimitives.WriteLong(output, number);
        }
    }
}
