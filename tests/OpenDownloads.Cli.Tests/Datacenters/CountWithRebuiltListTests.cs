using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Datacenters;

/// <summary>
/// <c>odl count --datacenters</c> given a rebuild's output drops IPv6 server traffic as well as IPv4.
/// </summary>
public sealed class CountWithRebuiltListTests : IDisposable
{
    private const string Iphone = "AppleCoreMedia/1.0.0.19G82 (iPhone; U; CPU OS 15_6_1 like Mac OS X; en_us)";

    private readonly TempDirectory _temp = new();

    public static TheoryData<string> Sources => new()
    {
        "out", // the folder
        "out/datacenters.csv", // the IPv4 file, which brings its IPv6 sibling
        "out/datacenters-ipv6.csv", // the IPv6 file, which brings its IPv4 sibling
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Count_RebuildOutput_DropsAnAwsIPv6Address(string source)
    {
        var outDir = _temp.Combine("out");
        await OdlRun.StartAsync("datacenters", "rebuild", "--base", SharedData.Path("ipcat", "datacenters.csv"),
            "--feeds", SharedData.Path("providers"), "--providers", "aws", "--out", outDir);
        var log = _temp.File("requests.jsonl", Line("2406:daba:f000::1") + "\n" + Line("1.178.1.7") + "\n" + Line("5.6.7.8") + "\n");

        var run = await OdlRun.StartAsync("count", log, "--agents", SharedData.Path("opawg-v1", "user-agents.json"),
            "--datacenters", _temp.Combine(source));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("dropped, datacenter IP: 2", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static string Line(string ip) =>
        "{\"ip\":\"" + ip + "\",\"userAgent\":\"" + Iphone + "\",\"url\":\"/a.mp3\",\"method\":\"GET\",\"time\":\"2022-09-20T00:10:00Z\"}";
}
