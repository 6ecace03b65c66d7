using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Providers;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Datacenters.Providers;

/// <summary>
/// Every parser on the real feed copies in shared/data/providers. The expected counts were taken independently
/// with Python's json, csv and ipaddress modules over the same files (see the README's test notes).
/// </summary>
public sealed class ProviderFeedRealCopyTests
{
    public static TheoryData<string, int, int, int> RealCopies => new()
    {
        // EC2 only, as ipcat: 1,924 of 10,668 IPv4 and 2,230 of 6,160 IPv6 prefixes.
        { "aws", 1_924, 2_230, 0 },
        // The AzureCloud tag of the 2025-11-09 file; the other 3,040 tags are skipped.
        { "azure", 9_637, 3_518, 0 },
        // Every entry of cloud.json, the family told by the key name.
        { "google-cloud", 997, 95, 0 },
        // Two files without a final newline.
        { "cloudflare", 15, 7, 0 },
        // Two arrays in one JSON object.
        { "fastly", 19, 2, 0 },
        // Three rows have two columns and 'None'; all 1,197 rows are read.
        { "digitalocean", 1_051, 146, 0 },
        // Three '#' comment lines are skipped.
        { "linode", 5_100, 92, 0 },
        // IPv4 and IPv6 mixed in one array; 434 and 53 listed, less the documentation blocks 192.0.2.0/24,
        // 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, the reserved 2001:2::/48 and 2001:10::/28, and 6to4's
        // 2002::/16, whose addresses embed end users' IPv4 addresses.
        { "vultr", 431, 49, 7 },
        // Oracle publishes no IPv6.
        { "oracle", 1_102, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(RealCopies))]
    public void Parse_RealCopy_ReadsEveryListedPrefix(string id, int expectedIPv4, int expectedIPv6, int expectedSkipped)
    {
        var sut = ProviderCatalog.All(new DatacenterRebuildOptions()).Single(feed => feed.Id == id);
        var prefixes = new PrefixCollector();

        foreach (var document in sut.Documents)
        {
            sut.Parse(document, File.ReadAllBytes(SharedData.Path("providers", document.FileName)), prefixes);
        }

        Assert.Equal(expectedIPv4, prefixes.IPv4Count);
        Assert.Equal(expectedIPv6, prefixes.IPv6Count);
        Assert.Equal(expectedSkipped, prefixes.SkippedCount);
    }

    [Fact]
    public void Parse_AwsWithConfiguredServices_KeepsOnlyThoseServices()
    {
        var sut = new AwsFeed(["EC2", "CLOUDFRONT"]);
        var prefixes = new PrefixCollector();

        sut.Parse(sut.Documents[0], File.ReadAllBytes(SharedData.Path("providers", "aws-ip-ranges.json")), prefixes);

        Assert.Equal(2_135, prefixes.IPv4Count);
        Assert.Equal(2_262, prefixes.IPv6Count);
    }

    [Fact]
    public void Parse_AwsFeed_KeepsNoPrefixOfAnotherService()
    {
        var sut = new AwsFeed(["EC2"]);
        var prefixes = new PrefixCollector();

        sut.Parse(sut.Documents[0], File.ReadAllBytes(SharedData.Path("providers", "aws-ip-ranges.json")), prefixes);

        // 52.94.76.0/22 is listed for AMAZON only; 3.5.140.0/22 is listed for AMAZON and EC2.
        Assert.DoesNotContain(IpPrefix.Parse("52.94.76.0/22"), prefixes.Prefixes);
        Assert.Contains(IpPrefix.Parse("3.5.140.0/22"), prefixes.Prefixes);
    }
}
