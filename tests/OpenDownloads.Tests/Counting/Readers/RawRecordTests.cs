using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Tests.Counting.Readers;

public sealed class RawRecordTests
{
    [Fact]
    public void Indexer_EveryField_KeepsItsOwnValue()
    {
        var sut = new RawRecord(new RecordLocation("test.log", 1, 1));
        var fields = Enum.GetValues<OdlField>();

        foreach (var field in fields)
        {
            sut[field] = field.ToString();
        }

        Assert.All(fields, field => Assert.Equal(field.ToString(), sut[field]));
    }

    [Fact]
    public void Has_FieldNeverSet_IsFalse()
    {
        var sut = new RawRecord(new RecordLocation("test.log", 1, 1)) { [OdlField.Referer] = string.Empty };

        Assert.True(sut.Has(OdlField.Referer));
        Assert.False(sut.Has(OdlField.UserAgent));
    }
}
