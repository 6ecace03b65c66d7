using System.IO.Compression;
using System.Text;

namespace OpenDownloads.Cli.Tests.Count;

/// <summary>
/// A small raw-IP log with one example of each rule, and the counts oDL's rules give on it, worked out by hand:
/// groups (1.2.3.4, Chrome, /a.mp3) on two days, (2001:db8::5, iPhone, /b.mp3) and (5.6.7.8, iPhone, /c.mp3)
/// are downloads; (5.6.7.8, iPhone, /a.mp3) only ever asked for bytes 0-1 and is not.
/// </summary>
internal static class SampleLog
{
    public const long Events = 16;
    public const long DeniedIp = 2;
    public const long Bots = 2;
    public const long Rejected = 4;
    public const long Downloads = 4;
    public const int BrokenJsonLine = 12;

    private const string Chrome =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/105.0.0.0 Safari/537.36";

    private const string Iphone = "AppleCoreMedia/1.0.0.19G82 (iPhone; U; CPU OS 15_6_1 like Mac OS X; en_us)";

    public static string JsonLines { get; } = string.Join('\n',
        Line("1.2.3.4", Chrome, "/a.mp3", "GET", "2022-09-20T00:10:00Z", null),
        Line("1.2.3.4", Chrome, "/a.mp3", "GET", "2022-09-20T00:05:00Z", "bytes=0-1"),
        Line("5.6.7.8", Iphone, "/a.mp3", "GET", "2022-09-20T01:00:00Z", "bytes=0-1"),
        Line("5.6.7.8", Iphone, "/a.mp3", "GET", "2022-09-20T01:01:00Z", "bytes=0-1"),
        Line("2001:db8::5", Iphone, "/b.mp3", "GET", "2022-09-20T02:00:00Z", "bytes=100-200"),
        Line("1.178.1.7", Chrome, "/a.mp3", "GET", "2022-09-20T02:00:00Z", null), // Amazon AWS in ipcat's list
        Line("::ffff:1.178.1.7", Chrome, "/b.mp3", "GET", "2022-09-20T02:00:00Z", null), // the same, IPv4-mapped
        Line("9.9.9.9", "", "/a.mp3", "GET", "2022-09-20T02:00:00Z", null), // no user agent: a bot
        Line("9.9.9.9", "atc/1.0 watchOS/7.0", "/a.mp3", "GET", "2022-09-20T02:00:00Z", null), // Apple Watch: a bot
        Line("1.2.3.4", Chrome, "/a.mp3", "HEAD", "2022-09-21T00:00:00Z", null),
        Line("1.2.3.4", Chrome, "/a.mp3", "GET", "2022-09-21T00:30:00Z", "bytes=0-"),
        "{\"ip\": \"1.2.3.4\", \"userAgent\": ", // broken JSON
        Line("999.1.1.1", Chrome, "/a.mp3", "GET", "2022-09-20T03:00:00Z", null),
        "{\"ip\":\"9.9.9.9\",\"userAgent\":\"x\",\"url\":\"/a.mp3\",\"method\":\"GET\"}", // no timestamp
        Line("9.9.9.9", Chrome, "/a.mp3", "GET", "2022-09-20T03:00:00Z", "bytes=-500"),
        Line("5.6.7.8", Iphone, "/c.mp3", "get", "2022-09-20T03:00:00Z", null)) + "\n";

    public static void WriteGzip(string path, string content)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(content));
    }

    private static string Line(string ip, string agent, string url, string method, string time, string? range) =>
        "{\"ip\":\"" + ip + "\",\"userAgent\":\"" + agent + "\",\"url\":\"" + url + "\",\"method\":\"" + method
        + "\",\"time\":\"" + time + "\"" + (range is null ? string.Empty : ",\"range\":\"" + range + "\"") + "}";
}
