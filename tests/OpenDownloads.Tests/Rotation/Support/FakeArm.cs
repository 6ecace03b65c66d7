namespace OpenDownloads.Tests.Rotation.Support;

/// <summary>ARM's answers for a healthy subscription: no Key Vault references, one running active revision.</summary>
internal static class FakeArm
{
    public static CannedResponse Healthy(RecordedRequest request)
    {
        if (request.Method == "GET" && request.Path.EndsWith("/config/configreferences/appsettings", StringComparison.Ordinal))
        {
            return CannedResponse.Ok("""{"value":[]}""");
        }

        if (request.Method == "GET" && request.Path.EndsWith("/revisions", StringComparison.Ordinal))
        {
            return CannedResponse.Ok("""{"value":[{"name":"app--r1","properties":{"active":true,"runningState":"Running","provisioningState":"Provisioned"}}]}""");
        }

        return CannedResponse.Ok();
    }

    public static bool IsRestart(RecordedRequest request) =>
        request.Method == "POST" && request.Path.EndsWith("/restart", StringComparison.Ordinal);
}
