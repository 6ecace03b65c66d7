using System.Globalization;
using System.Net;
using System.Text;
using OpenDownloads.Agents;
using OpenDownloads.Counting;
using OpenDownloads.Counting.Preparation;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Counting;

public sealed class DownloadCountJobTests : IDisposable
{
    private static readonly Lazy<AgentClassifier> Agents = new(() =>
    {
        using var list = File.OpenRead(SharedData.Path("opawg-v1", "user-agents.json"));
        return AgentClassifier.Load(list, "user-agents.json");
    });

    private readonly string _directory = Directory.CreateTempSubdirectory("odl-job-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(2)] // what odl count uses on this machine
    [InlineData(3)] // parts that start inside a run of broken and blank lines
    [InlineData(7)]
    public void Add_LogSplitIntoParts_CountsAndRejectsAsTheWholeLog(int partCount)
    {
        var path = WriteLog();
        var (wholeReport, wholeRejected) = CountWhole(path);

        var sut = NewJob();
        var rejected = new List<RejectedRecord>();
        using var split = SplitLog.TrySplit(path, null, FieldMapping.Default, partCount, null, minPartBytes: 1)!;
        var records = sut.Add(split.Parts, rejected.Add);
        var report = sut.Finish();

        Assert.Equal(partCount, split.Parts.Count);
        Assert.Equal(wholeReport.Events, records);
        Assert.Equal(
            (wholeReport.Events, wholeReport.DeniedIp, wholeReport.Bots, wholeReport.Rejected),
            (report.Events, report.DeniedIp, report.Bots, report.Rejected));
        Assert.Equal(wholeReport.Downloads, report.Downloads);
        Assert.Equal(wholeRejected, rejected);
        Assert.True(rejected.Count > 20, "the log must hold rejections in every part for the test to mean anything");
    }

    [Fact]
    public void Add_PartsOfALogWithAByteOrderMark_NumbersLinesAsTheWholeLog()
    {
        var path = WriteLog(byteOrderMark: true);
        var (_, wholeRejected) = CountWhole(path);

        var rejected = new List<RejectedRecord>();
        using var split = SplitLog.TrySplit(path, null, FieldMapping.Default, 2, null, minPartBytes: 1)!;
        NewJob().Add(split.Parts, rejected.Add);

        Assert.Equal(wholeRejected, rejected);
    }

    private static DownloadCountJob NewJob() => new(
        new EventPreparer(new IpHasher("test-salt"), new OneAddressDenyList(IPAddress.Parse("10.0.0.9"))),
        new DownloadCounter(Agents.Value));

    private static (CountReport Report, List<RejectedRecord> Rejected) CountWhole(string path)
    {
        var job = NewJob();
        var rejected = new List<RejectedRecord>();
        using (var stream = File.OpenRead(path))
        {
            job.Add(LogInput.Read(stream, path, LogFormat.JsonLines, FieldMapping.Default), rejected.Add);
        }

        return (job.Finish(), rejected);
    }

    // Valid requests from a few listeners, with broken lines, blank lines, CRLF ends, a denied address and a line
    // holding a byte-order mark's bytes in the middle, which is broken JSON there.
    private string WriteLog(bool byteOrderMark = false)
    {
        var text = new StringBuilder(byteOrderMark ? "\uFEFF" : string.Empty);
        string[] agents =
        [
            "AppleCoreMedia/1.0.0.19G82 (iPhone; U; CPU OS 15_6_1 like Mac OS X; en_us)", "okhttp/4.9.1",
        ];
        for (var i = 0; i < 3000; i++)
        {
            var line = (i % 97, i % 53, i % 389) switch
            {
                (0, _, _) => "{\"ip\": \"1.2.3.4\", broken",
                (_, 0, _) => "   ",
                (_, _, 5) => "\uFEFF{}",
                _ => string.Create(
                    CultureInfo.InvariantCulture,
                    $"{{\"ip\":\"{(i % 211 == 0 ? "10.0.0.9" : $"10.1.{i % 7}.{i % 13}")}\","
                    + $"\"user_agent\":\"{agents[i % 2]}\",\"http_method\":\"GET\","
                    + $"\"timestamp\":\"2026-11-0{1 + (i % 3)}T10:{i % 60:00}:00Z\","
                    + $"\"episode_id\":\"/e{i % 5}.mp3\",\"range\":\"{(i % 4 == 0 ? "bytes=0-1" : "bytes=0-")}\"}}"),
            };
            text.Append(line).Append(i % 10 == 0 ? "\r\n" : "\n");
        }

        var path = Path.Combine(_directory, "log.jsonl");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private sealed class OneAddressDenyList(IPAddress denied) : IIpDenyList
    {
        public bool Contains(IPAddress address) => address.Equals(denied);
    }
}
