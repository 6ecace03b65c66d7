using OpenDownloads.Rotation;

namespace OpenDownloads.Tests.Rotation;

public sealed class PrintableTextTests
{
    [Fact]
    public void Of_OutsideTextLongerThanTheCut_IsCutAndMarked()
    {
        var sut = PrintableText.Of(new string('x', PrintableText.MaxLength + 50));

        Assert.Equal(new string('x', PrintableText.MaxLength) + "…", sut);
    }

    [Fact]
    public void Escape_OwnLongMessageWithAControlCharacter_IsEscapedButNotCut()
    {
        var message = new string('x', PrintableText.MaxLength + 50) + "\r\nwarning: forged";

        var sut = PrintableText.Escape(message);

        Assert.Equal(new string('x', PrintableText.MaxLength + 50) + "\\u000d\\u000awarning: forged", sut);
    }
}
