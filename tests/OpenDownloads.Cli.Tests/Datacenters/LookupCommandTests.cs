using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Datacenters;

public sealed class LookupCommandTests : IDisposable
{
    private static readonly string Ipcat = SharedData.Path("ipcat", "datacenters.csv");

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Lookup_AddressInIpcatsList_PrintsItsRangeAndProvider()
    {
        var run = await OdlRun.StartAsync("datacenters", "lookup", "1.178.1.7", "--datacenters", Ipcat);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("1.178.1.7\t1.178.1.0-1.178.1.255\tAmazon AWS\thttp://www.amazon.com/aws/\n", run.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Lookup_AddressOutsideTheList_SaysItIsNotADatacenterAddress()
    {
        var run = await OdlRun.StartAsync("datacenters", "lookup", "1.178.2.0", "--datacenters", Ipcat);

        Assert.Equal("1.178.2.0\tnot a datacenter address\n", run.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Lookup_IPv6AddressInARebuildsOutFolder_FindsItInTheIPv6List()
    {
        await OdlRun.StartAsync("datacenters", "rebuild", "--base", Ipcat, "--feeds", SharedData.Path("providers"),
            "--providers", "aws", "--out", _temp.Path);

        var run = await OdlRun.StartAsync("datacenters", "lookup", "2406:daba:f000::1", "1.178.1.7", "--datacenters", _temp.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2406:daba:f000::1\t2406:daba:f000::-", run.Output, StringComparison.Ordinal);
        Assert.Contains("1.178.1.7\t", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not a datacenter", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_IPv6AddressInAListOfIPv4Only_WarnsThatNoIPv6RangesWereLoaded()
    {
        var run = await OdlRun.StartAsync("datacenters", "lookup", "2406:daba:f000::1", "--datacenters", Ipcat);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("odl: warning: no IPv6 ranges were loaded", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_IPv4AddressInAFolderWithOnlyTheIPv6List_WarnsThatNoIPv4RangesWereLoaded()
    {
        await OdlRun.StartAsync("datacenters", "rebuild", "--base", Ipcat, "--feeds", SharedData.Path("providers"),
            "--providers", "aws", "--out", _temp.Path);
        File.Delete(_temp.Combine("datacenters.csv"));

        var run = await OdlRun.StartAsync("datacenters", "lookup", "1.178.1.7", "--datacenters", _temp.Path);

        Assert.Contains("odl: warning: no IPv4 ranges were loaded", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_NotAnAddress_ExitsWith2NamingIt()
    {
        var run = await OdlRun.StartAsync("datacenters", "lookup", "1.2.3", "--datacenters", Ipcat);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'1.2.3' is not an IP address", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
