using Azure;
using OpenDownloads.Rotation.Arm;
using OpenDownloads.Rotation.Consumers;

namespace OpenDownloads.Tests.Rotation.Arm;

public sealed class ArmFailuresTests
{
    [Fact]
    public void Describe_ErrorCodeWithNewline_EscapesItToOneLine()
    {
        var failure = new RequestFailedException(403, "denied", "Denied\ninformation: forged line", null);

        var sut = ArmFailures.Describe(failure);

        Assert.DoesNotContain('\n', sut);
        Assert.StartsWith("ARM answered 403 (Denied\\u000ainformation: forged line): ", sut, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NetworkFailureMessageWithControlCharacters_EscapesThem()
    {
        var sut = ArmFailures.Describe(new HttpRequestException("reset\r\nwarning: forged"));

        Assert.Equal("reset\\u000d\\u000awarning: forged", sut);
    }

    [Theory]
    [InlineData("AppService", "Website Contributor")]
    [InlineData("ContainerApp", "Container Apps Contributor")]
    public void Describe_Forbidden_NamesTheMissingRole(string kind, string role)
    {
        var sut = ArmFailures.Describe(
            new RequestFailedException(403, "denied", "AuthorizationFailed", null), Enum.Parse<ConsumerKind>(kind));

        Assert.StartsWith("ARM answered 403 (AuthorizationFailed): the responder's identity lacks a role", sut, StringComparison.Ordinal);
        Assert.Contains($"expected {role} on it", sut, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_Conflict_SaysAnotherOperationRunsNotAPermissionProblem()
    {
        var sut = ArmFailures.Describe(new RequestFailedException(409, "busy", "Conflict", null), ConsumerKind.AppService);

        Assert.Contains("another operation on the app is still running", sut, StringComparison.Ordinal);
        Assert.DoesNotContain("role", sut, StringComparison.Ordinal);
        Assert.DoesNotContain("lacks", sut, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_OwnMessageLongerThanTheCutForOutsideText_KeepsItWholeWithoutTheTypeName()
    {
        var message = $"The revisions list of {new string('a', 240)} still had a nextLink after 50 pages; expected "
            + "at most 50 (a nextLink that loops would never end).";

        var sut = ArmFailures.Describe(new InvalidOperationException(message + "\n"));

        Assert.Equal(message + "\\u000a", sut);
    }
}
