using System.Text;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Tests.Counting.Readers;

public sealed class Utf8StringCacheTests
{
    [Fact]
    public void Get_ManyMoreValuesThanSlots_AlwaysGivesTheTextOfTheBytes()
    {
        var sut = new Utf8StringCache();
        var random = new Random(7);
        var values = Enumerable.Range(0, 50_000).Select(i => $"value {i} {random.Next()}").ToArray();

        foreach (var value in values.Concat(values.Reverse()))
        {
            Assert.Equal(value, sut.Get(Encoding.UTF8.GetBytes(value)));
        }
    }

    [Fact]
    public void Get_SameBytesTwice_GivesTheSameObject()
    {
        var sut = new Utf8StringCache();

        var first = sut.Get("Overcast/3.0"u8);

        Assert.Same(first, sut.Get("Overcast/3.0"u8));
    }

    [Fact]
    public void Get_ValueLongerThanCached_GivesItsTextAnew()
    {
        var sut = new Utf8StringCache();
        var value = new string('a', Utf8StringCache.MaxCachedBytes + 1);

        var first = sut.Get(Encoding.UTF8.GetBytes(value));
        var second = sut.Get(Encoding.UTF8.GetBytes(value));

        Assert.Equal(value, second);
        Assert.NotSame(first, second);
    }

    [Fact]
    public void Get_TextThatIsNotAscii_GivesItsTextEachTime()
    {
        var sut = new Utf8StringCache();
        var bytes = Encoding.UTF8.GetBytes("Podcasts/1.0 (Škoda ☃ 😀)");

        var first = sut.Get(bytes);

        Assert.Equal("Podcasts/1.0 (Škoda ☃ 😀)", sut.Get(bytes));
        Assert.Equal(first, sut.Get(bytes));
    }

    [Fact]
    public void Get_Empty_GivesEmptyString()
    {
        Assert.Same(string.Empty, new Utf8StringCache().Get([]));
    }
}
