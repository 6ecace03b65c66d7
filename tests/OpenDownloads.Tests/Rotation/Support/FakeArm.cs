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

    /// <summary>
    /// <see cref="Healthy"/> plus container apps that take a new revision: a PATCH's revisionSuffix becomes the
    /// app's latestRevisionName, which then reads as running.
    /// </summary>
    public static Func<RecordedRequest, CannedResponse> WithContainerApps()
    {
        var suffix = "initial";
        return request =>
        {
            var isApp = request.Path.Contains("/containerApps/", StringComparison.Ordinal)
                && !request.Path.Contains("/revisions", StringComparison.Ordinal);
            if (request.Method == "PATCH" && isApp)
            {
                var body = System.Text.Json.Nodes.JsonNode.Parse(request.Body)!;
                suffix = (string)body["properties"]!["template"]!["revisionSuffix"]!;
                return CannedResponse.Ok();
            }

            if (request.Method == "GET" && isApp)
            {
                var name = request.Path[(request.Path.LastIndexOf('/') + 1)..];
                return CannedResponse.Ok("{\"properties\":{\"latestRevisionName\":\"" + name + "--" + suffix
                    + "\",\"template\":{\"containers\":[{\"name\":\"app\",\"image\":\"app:1\"}]}}}");
            }

            if (request.Method == "GET" && request.Path.Contains("/revisions/", StringComparison.Ordinal))
            {
                return CannedResponse.Ok("""{"properties":{"active":true,"runningState":"Running","provisioningState":"Provisioned"}}""");
            }

            return Healthy(request);
        };
    }

    public static bool IsRestart(RecordedRequest request) =>
        request.Method == "POST" && request.Path.EndsWith("/restart", StringComparison.Ordinal);
}
