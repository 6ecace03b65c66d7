using System.IO.Compression;
using System.IO.Pipes;
using System.Text;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Tests.Counting.Readers;

public sealed class SplitLogTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("odl-split-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void TrySplit_Pipe_IsNotSplitAndNothingOfItIsRead()
    {
        // A pipe opened by path, as /dev/stdin is: the lines are in the pipe and its writer is closed, so the
        // reads below end instead of waiting.
        var lines = string.Concat(Enumerable.Range(0, 1000).Select(i => $"{{\"ip\":\"1.2.3.{i % 250}\"}}\n"));
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        var path = $"/proc/self/fd/{pipe.ClientSafePipeHandle.DangerousGetHandle()}";
        pipe.Write(Encoding.UTF8.GetBytes(lines));
        pipe.Dispose();

        var sut = SplitLog.TrySplit(path, null, FieldMapping.Default, 4, null, minPartBytes: 1);

        Assert.Null(sut);
        Assert.Equal(lines, File.ReadAllText(path)); // a pipe cannot be read twice: nothing was taken from it
    }

    [Fact]
    public void TrySplit_JsonLines_PartsCoverTheFileAndStartAtLineStarts()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 500).Select(i => $"{{\"n\":{i}}}\n")));
        var path = Write("log.jsonl", bytes);

        using var sut = SplitLog.TrySplit(path, null, FieldMapping.Default, 4, null, minPartBytes: 1)!;

        Assert.Equal(4, sut.Parts.Count);
        Assert.Equal(0, sut.Parts[0].Start);
        Assert.Equal(bytes.Length, sut.Parts[^1].Start + sut.Parts[^1].Length);
        Assert.All(sut.Parts.Zip(sut.Parts.Skip(1)), pair =>
        {
            Assert.Equal(pair.First.Start + pair.First.Length, pair.Second.Start);
            Assert.Equal((byte)'\n', bytes[pair.Second.Start - 1]);
        });
    }

    [Fact]
    public void TrySplit_GzipLog_IsNotSplit()
    {
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"n\":1}\n", 500))));
        }

        var path = Write("log.jsonl", gzipped.ToArray());

        Assert.Null(SplitLog.TrySplit(path, null, FieldMapping.Default, 4, null, minPartBytes: 1));
    }

    [Fact]
    public void TrySplit_Csv_IsNotSplit()
    {
        // A quoted CSV field may hold a line end, so a line end is not always a record's end.
        var rows = string.Concat(Enumerable.Repeat("1.2.3.4,a\n", 500));
        var path = Write("log.csv", Encoding.UTF8.GetBytes("ip,user_agent\n" + rows));

        Assert.Null(SplitLog.TrySplit(path, null, FieldMapping.Default, 4, null, minPartBytes: 1));
    }

    [Fact]
    public void TrySplit_CaptureFileOfEnvelopesNamedJsonl_IsNotSplit()
    {
        // One Azure Monitor envelope per line: read by the envelope reader, which the parts do not use.
        const string Envelope = "{\"records\":[{\"category\":\"FrontDoorAccessLog\",\"properties\":{}}]}\n";
        var path = Write("capture.jsonl", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Envelope, 500))));

        Assert.Null(SplitLog.TrySplit(path, null, FieldMapping.Default, 4, null, minPartBytes: 1));
    }

    [Fact]
    public void TrySplit_SmallerThanTwoParts_IsNotSplit()
    {
        var path = Write("log.jsonl", Encoding.UTF8.GetBytes("{\"n\":1}\n{\"n\":2}\n"));

        Assert.Null(SplitLog.TrySplit(path, null, FieldMapping.Default, 2, null));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
