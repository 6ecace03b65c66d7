namespace OpenDownloads.Tests.Rotation.Support;

/// <summary>What a loopback server answers: a status, a JSON body and extra headers.</summary>
internal sealed record CannedResponse(int Status, string Body = "{}")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static CannedResponse Ok(string body = "{}") => new(200, body);

    public static CannedResponse TooManyRequests(
        int retryAfterSeconds) => new(429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""")
    {
        Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    public static CannedResponse Error(int status, string code) =>
        new(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"canned " + status + "\"}}");
}
