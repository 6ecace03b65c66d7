using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Tests.Counting.Readers;

public sealed class FieldNameCacheTests
{
    [Fact]
    public void Resolve_NamesInAnyOrder_GiveTheMappingsFieldsEveryTime()
    {
        var mapping = FieldMapping.Create(["startedAt:timestamp"]);
        var sut = new FieldNameCache(mapping);
        string[] names = ["ip", "userAgent", "startedAt", "time", "unknown", "url", "ip"];

        foreach (var name in names.Concat(names.Reverse()).Concat(names))
        {
            Assert.Equal(mapping.Resolve(name), sut.Resolve(System.Text.Encoding.UTF8.GetBytes(name)));
        }
    }

    [Fact]
    public void Resolve_MoreNamesThanKept_StillResolvesEach()
    {
        var sut = new FieldNameCache(FieldMapping.Default);

        for (var i = 0; i < 200; i++)
        {
            Assert.Null(sut.Resolve(System.Text.Encoding.UTF8.GetBytes($"column_{i}")));
        }

        Assert.Equal(OdlField.Ip, sut.Resolve("ip"u8));
    }
}
