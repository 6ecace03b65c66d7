using System.Text;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Tests.Counting.Readers;

internal static class ReaderTestExtensions
{
    public static List<RawRecord> ReadText(this ILogReader reader, string text, FieldMapping? mapping = null) =>
        reader.ReadBytes(Encoding.UTF8.GetBytes(text), mapping);

    public static List<RawRecord> ReadBytes(this ILogReader reader, byte[] bytes, FieldMapping? mapping = null) =>
        reader.Read(new MemoryStream(bytes), "test.log", mapping ?? FieldMapping.Default).ToList();
}
