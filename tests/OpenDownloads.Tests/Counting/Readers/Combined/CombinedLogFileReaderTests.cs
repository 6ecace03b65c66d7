using System.Text;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Counting.Readers.Combined;
using OpenDownloads.Tests.Streaming.Input;

namespace OpenDownloads.Tests.Counting.Readers.Combined;

public sealed class CombinedLogFileReaderTests
{
    [Fact]
    public void Read_LinesWithAndWithoutRange_ReadsEachAsTheStreamPathDoes()
    {
        var sut = new CombinedLogFileReader();
        var text = EventBodies.CombinedWithRange + "\r\n" + EventBodies.CombinedWithoutRange + "\n";

        var records = sut.ReadText(text);

        Assert.Equal(2, records.Count);
        var streamed = CombinedLogReader.Read(Encoding.UTF8.GetBytes(text), "test.log");
        Assert.Equal(streamed.Select(Fields), records.Select(Fields));
        Assert.Equal("bytes=0-1", records[0][OdlField.Range]);
        Assert.Equal("2001:db8::7", records[1][OdlField.Ip]);
    }

    [Fact]
    public void Read_CommentAndBlankLines_RejectsTheCommentWithItsLineAndSkipsTheBlank()
    {
        var sut = new CombinedLogFileReader();

        var records = sut.ReadText("#Fields: combined\n\n" + EventBodies.CombinedWithoutRange + "\n");

        Assert.Equal(2, records.Count);
        Assert.Equal(new RecordLocation("test.log", 1, 1), records[0].Location);
        Assert.Contains("not JSON or a combined log line", records[0].ReadError, StringComparison.Ordinal);
        Assert.Equal(new RecordLocation("test.log", 3, 2), records[1].Location);
        Assert.Null(records[1].ReadError);
    }

    [Fact]
    public void Read_InvalidUtf8Line_IsRejectedWithItsLine()
    {
        var sut = new CombinedLogFileReader();
        byte[] bytes = [.. Encoding.UTF8.GetBytes(EventBodies.CombinedWithoutRange + "\n"), 0xff, 0xfe, (byte)'\n'];

        var records = sut.ReadBytes(bytes);

        Assert.Equal(2, records[1].Location.Line);
        Assert.Equal("The line is not valid UTF-8; logs must be UTF-8 text.", records[1].ReadError);
    }

    private static string Fields(RawRecord record) => string.Join(
        '|', Enum.GetValues<OdlField>().Select(field => record[field] ?? "(none)").Append(record.ReadError ?? ""));
}
