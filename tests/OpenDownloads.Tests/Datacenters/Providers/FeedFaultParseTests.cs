using System.IO.Compression;
using System.Text;
using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Providers;

namespace OpenDownloads.Tests.Datacenters.Providers;

/// <summary>What each parser does with a body that is not its feed: every such body fails the provider.</summary>
public sealed class FeedFaultParseTests
{
    public static TheoryData<string, string, string> BrokenBodies => new()
    {
        // A captive portal or error page served with 200.
        { "aws", "<!DOCTYPE html><html><body>Service Unavailable</body></html>", "not JSON" },
        // The body ends mid-document.
        { "google-cloud", """{"prefixes":[{"ipv4Prefix":"34.1.208.0/20"},{"ipv4Pre""", "not JSON" },
        // Nothing at all.
        { "fastly", "", "the body is empty" },
        // The array was renamed.
        { "vultr", """{"subnets_v2":[{"ip_prefix":"45.32.0.0/21"}]}""", "no array 'subnets'" },
        // The tag the parser needs is gone.
        { "azure", """{"values":[{"name":"AzureCloud.westeurope","properties":{"addressPrefixes":[]}}]}""", "no 'AzureCloud'" },
        // An entry lost its prefix field.
        { "aws", """{"prefixes":[{"ipprefix":"3.5.140.0/22","service":"EC2"}],"ipv6_prefixes":[]}""", "lacks 'ip_prefix'" },
        // A text list cut inside a line leaves host bits set.
        { "cloudflare", "173.245.48.0/20\n103.21.244.0/2", "not a CIDR prefix" },
        // An HTML page where a text list was expected.
        { "digitalocean", "<html><head><title>404</title></head></html>", "is markup" },
        // A geofeed row cut inside its address.
        { "linode", "# header\n2600:3c00::/32,US,US-TX,Richardson,\n139.162.", "not a CIDR prefix" },
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public void Parse_BrokenBody_ThrowsFeedFormatExceptionSayingWhy(string id, string body, string expected)
    {
        var sut = ProviderCatalog.All(new DatacenterRebuildOptions()).Single(feed => feed.Id == id);

        var error = Assert.Throws<FeedFormatException>(
            () => sut.Parse(sut.Documents[0], Encoding.UTF8.GetBytes(body), new PrefixCollector()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AkamaiZip_ReadsBothTextFilesWithTrailingTabs()
    {
        var sut = new AkamaiFeed();
        var prefixes = new PrefixCollector();

        sut.Parse(sut.Documents[0], Zip(("akamai_ipv4_CIDRs.txt", "23.32.0.0/11\t\n104.64.0.0/10\n"),
            ("akamai_ipv6_CIDRs.txt", "2600:1400::/24\r\n")), prefixes);

        Assert.Equal(["23.32.0.0/11", "104.64.0.0/10", "2600:1400::/24"], prefixes.Prefixes.Select(p => p.ToString()));
    }

    [Fact]
    public void Parse_AkamaiPlainText_ReadsItAsAList()
    {
        var sut = new AkamaiFeed();
        var prefixes = new PrefixCollector();

        sut.Parse(sut.Documents[0], Encoding.UTF8.GetBytes("# Akamai\n172.232.0.0/13"), prefixes);

        Assert.Equal(1, prefixes.IPv4Count);
    }

    [Fact]
    public void Parse_AkamaiDamagedZip_ThrowsFeedFormatException()
    {
        var sut = new AkamaiFeed();
        var zip = Zip(("akamai_ipv4_CIDRs.txt", "23.32.0.0/11\n"));

        Assert.Throws<FeedFormatException>(
            () => sut.Parse(sut.Documents[0], zip.AsMemory(0, zip.Length / 2), new PrefixCollector()));
    }

    [Fact]
    public void Parse_JsonWithByteOrderMark_ReadsIt()
    {
        var sut = new FastlyFeed();
        var prefixes = new PrefixCollector();

        sut.Parse(sut.Documents[0], Encoding.UTF8.GetBytes("\uFEFF{\"addresses\":[\"23.235.32.0/20\"],\"ipv6_addresses\":[]}"), prefixes);

        Assert.Equal(1, prefixes.IPv4Count);
    }

    [Fact]
    public void Add_PrefixWithZeroWidthSpace_ReadsItWithoutTheSpace()
    {
        var sut = new PrefixCollector();

        sut.Add("157.55.39.0/24\u200B", "line 1");

        Assert.Equal("157.55.39.0/24", sut.Prefixes.Single().ToString());
    }

    private static byte[] Zip(params (string Name, string Text)[] files)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return output.ToArray();
    }

    [Fact]
    public void Parse_AkamaiZipExpandingBeyondTheLimit_ThrowsFeedFormatException()
    {
        var sut = ProviderCatalog.All(new DatacenterRebuildOptions()).Single(feed => feed.Id == "akamai");
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("akamai_ipv4_CIDRs.txt", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 65; i++)
            {
                entry.Write(zeros);
            }
        }

        var error = Assert.Throws<FeedFormatException>(
            () => sut.Parse(sut.Documents[0], zipped.ToArray(), new PrefixCollector()));

        Assert.Contains("larger than 64 MiB", error.Message, StringComparison.Ordinal);
    }
}
