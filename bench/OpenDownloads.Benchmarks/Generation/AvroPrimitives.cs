using System.Text;

namespace OpenDownloads.Benchmarks.Generation;

/// <summary>
/// Avro's binary encoding of a long (zig-zag, then 7 bits a byte) and of a string (its UTF-8 length, then the
/// bytes), from the specification. Shared by the benchmark's file writer and the tests' small-file writer.
/// </summary>
internal static class AvroPrimitives
{
    public static void WriteLong(Stream output, long value)
    {
        var zigZag = (ulong)((value << 1) ^ (value >> 63));
        while (zigZag >= 0x80)
        {
            output.WriteByte((byte)(zigZag | 0x80));
            zigZag >>= 7;
        }

        output.WriteByte((byte)zigZag);
    }

    public static void WriteText(Stream output, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        WriteLong(output, bytes.Length);
        output.Write(bytes);
    }
}
