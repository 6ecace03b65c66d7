using OpenDownloads.Rotation.Arm;

namespace OpenDownloads.Tests.Rotation.Arm;

public sealed class ArmCallTests
{
    [Fact]
    public void ToJsonLine_CallWithQueryAndBody_PrintsMethodPathApiVersionAndQueryButNoBody()
    {
        var sut = new ArmCall("POST", "/subscriptions/0/x/restart", "2024-04-01") { Query = [new("softRestart", "true")], Body = "{\"secret\":1}" };

        var line = sut.ToJsonLine("api");

        Assert.Equal("""{"method":"POST","path":"/subscriptions/0/x/restart","api-version":"2024-04-01","query":"softRestart=true","consumer":"api"}""", line);
    }

    [Fact]
    public void ToUri_Endpoint_AppendsApiVersionFirst()
    {
        var sut = new ArmCall("GET", "/subscriptions/0/x", "2022-03-01") { Query = [new("a", "b c")] };

        Assert.Equal("https://management.azure.com/subscriptions/0/x?api-version=2022-03-01&a=b%20c", sut.ToUri(new Uri("https://management.azure.com")).AbsoluteUri);
    }
}
