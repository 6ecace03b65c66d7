namespace OpenDownloads.Tests.Rotation.Support;

/// <summary>One request a loopback server received.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    string? Authorization,
    string Body,
    DateTimeOffset ReceivedAt)
{
    public string? ApiVersion => System.Web.HttpUtility.ParseQueryString(Query)["api-version"];
}
