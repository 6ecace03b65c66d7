using OpenDownloads.Counting;

namespace OpenDownloads.Tests.Counting;

public sealed class StringTableTests
{
    [Fact]
    public void GetId_EqualTextInDifferentObjects_GivesOneId()
    {
        var sut = new StringTable();
        var text = "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)";

        var first = sut.GetId(text);
        var second = sut.GetId(new string(text.AsSpan()));

        Assert.Equal(first, second);
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void GetId_ManyMoreStringsThanRecentSlots_GivesEachTextOneIdAndItsTextBack()
    {
        var sut = new StringTable();
        var texts = Enumerable.Range(0, 20_000).Select(i => $"agent {i % 12_000}").ToArray();
        var expected = new Dictionary<string, int>();

        foreach (var text in texts.Concat(texts.Reverse()))
        {
            var id = sut.GetId(text);

            Assert.Equal(expected.TryGetValue(text, out var known) ? known : expected[text] = id, id);
            Assert.Equal(text, sut[id]);
        }

        Assert.Equal(12_000, sut.Count);
    }
}
