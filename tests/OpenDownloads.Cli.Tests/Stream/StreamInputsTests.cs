using System.IO.Compression;
using OpenDownloads.Cli.Streaming;

namespace OpenDownloads.Cli.Tests.Stream;

public sealed class StreamInputsTests
{
    [Fact]
    public void ReadAll_GzipFromAStreamThatCannotSeek_ReadsTheText()
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("{\"ip\":\"198.51.100.1\"}\n"u8);
        }

        using var sut = new ForwardOnlyStream(packed.ToArray());

        Assert.Equal("{\"ip\":\"198.51.100.1\"}\n"u8.ToArray(), StreamInputs.ReadAll(sut));
    }

    [Fact]
    public void ReadAll_PlainTextFromAStreamThatCannotSeek_ReadsItAsItIs()
    {
        using var sut = new ForwardOnlyStream("a\nb\n"u8.ToArray());

        Assert.Equal("a\nb\n"u8.ToArray(), StreamInputs.ReadAll(sut));
    }

    // A pipe such as /dev/stdin: it reads forward and throws on any seek, as FileStream does on a pipe.
    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content, writable: false)
    {
        public override bool CanSeek => false;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
