using Azure;
using OpenDownloads.Rotation.Arm;

namespace OpenDownloads.Tests.Rotation.Arm;

public sealed class ArmFailuresTests
{
    [Fact]
    public void Describe_ErrorCodeWithNewline_EscapesItToOneLine()
    {
        var failure = new RequestFailedException(403, "denied", "Denied\ninformation: forged line", null);

        var sut = ArmFailures.Describe(failure);

        Assert.DoesNotContain('\n', sut);
        Assert.Equal("ARM answered 403 (Denied\\u000ainformation: forged line)", sut);
    }

    [Fact]
    public void Describe_NetworkFailureMessageWithControlCharacters_EscapesThem()
    {
        var sut = ArmFailures.Describe(new HttpRequestException("reset\r\nwarning: forged"));

        Assert.Equal("HttpRequestException: reset\\u000d\\u000awarning: forged", sut);
    }
}
