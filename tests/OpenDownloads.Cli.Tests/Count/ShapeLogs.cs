namespace OpenDownloads.Cli.Tests.Count;

/// <summary>
/// Small logs of the shapes a CDN or web server writes, modelled on nginx's combined format and on Microsoft's
/// samples of Front Door access logs and Storage blob logs, with the downloads oDL's rules give for each.
/// </summary>
internal static class ShapeLogs
{
    // Lines 1 and 7 are rejected (a comment, a time that is no log time); 203.0.113.7 asks for ep1 twice (one
    // download), Googlebot is a bot: 3 downloads.
    public static string Combined => string.Join('\n',
        "#Fields: $remote_addr - $remote_user [$time_local] \"$request\" $status $bytes \"$referer\" \"$ua\"",
        Line("203.0.113.7", "20/Sep/2022:10:08:03 +0000", "/show/ep1.mp3", "-", Overcast, "bytes=0-"),
        Line("203.0.113.7", "20/Sep/2022:10:10:41 +0000", "/show/ep1.mp3", "-", Overcast, "bytes=0-"),
        Line("198.51.100.23", "20/Sep/2022:11:00:00 +0200", "/show/ep2.mp3?from=rss", "-", AppleCoreMedia, "-"),
        Line("192.0.2.44", "20/Sep/2022:12:30:00 +0000", "/show/ep1.mp3", "https://open.spotify.com/", Spotify),
        Line("192.0.2.45", "20/Sep/2022:12:31:00 +0000", "/show/ep1.mp3", "-", Googlebot),
        Line("203.0.113.9", "20/Sep/2022 12:40", "/show/ep1.mp3", "-", Overcast),
        string.Empty);

    public const int CombinedDownloads = 3;

    // Two client requests; the origin-shield copy, the health probe and the metric are skipped: 2 downloads.
    public const string FrontDoor = """
        {"records": [
          {"time": "2022-09-20T10:15:00.1234567Z", "resourceId": "/SUBSCRIPTIONS/X/PROFILES/P",
           "category": "FrontDoorAccessLog", "operationName": "Microsoft.Cdn/Profiles/AccessLog/Write",
           "properties": {"trackingReference": "t1", "httpMethod": "GET", "httpVersion": "2.0",
             "requestUri": "https://cdn.example.com:443/show/ep1.mp3?src=rss", "hostName": "cdn.example.com",
             "requestBytes": "350", "responseBytes": "9000000", "userAgent": "AppleCoreMedia/1.0.0.19G82 (iPhone)",
             "clientIp": "203.0.113.5", "clientPort": "52114", "socketIp": "203.0.113.5", "referer": "",
             "httpStatusCode": "200", "isReceivedFromClient": true}},
          {"time": "2022-09-20T10:15:00.2Z", "category": "FrontDoorAccessLog",
           "properties": {"httpMethod": "GET", "requestUri": "https://origin.example.com/show/ep1.mp3",
             "userAgent": "AppleCoreMedia/1.0.0.19G82 (iPhone)", "clientIp": "198.51.100.1",
             "isReceivedFromClient": false}},
          {"time": "2022-09-20T10:16:00Z", "category": "FrontDoorHealthProbeLog", "properties": {}},
          {"time": "2022-09-20T10:17:00Z", "metricName": "RequestCount", "total": 3},
          {"time": "2022-09-20T13:02:10.5Z", "category": "FrontDoorAccessLog",
           "properties": {"httpMethod": "GET", "requestUri": "https://cdn.example.com/show/ep2.mp3",
             "userAgent": "PocketCasts/1.0 (Pocket Casts - Android 7.20.1)", "clientIp": "2001:db8::51",
             "clientPort": "40111", "httpStatusCode": "200", "isReceivedFromClient": true}}
        ]}
        """;

    public const int FrontDoorDownloads = 2;

    // Two GetBlob reads from two callers; the HEAD (GetBlobProperties) and the write are not downloads: 2 downloads.
    public const string StorageBlob = """
        {"records": [
          {"time": "2022-09-20T11:00:00.0000000Z", "category": "StorageRead", "operationName": "GetBlob",
           "statusCode": 200, "callerIpAddress": "203.0.113.9:50123",
           "uri": "https://acct.blob.core.windows.net:443/audio/ep2.mp3?sv=2022-11-02&sig=secret",
           "properties": {"accountName": "acct", "userAgentHeader": "Overcast/3.0", "referrerHeader": ""}},
          {"time": "2022-09-20T11:00:01Z", "category": "StorageRead", "operationName": "GetBlobProperties",
           "callerIpAddress": "[2001:db8::9]:50124", "uri": "https://acct.blob.core.windows.net/audio/ep2.mp3",
           "properties": {"userAgentHeader": "Overcast/3.0"}},
          {"time": "2022-09-20T11:05:00Z", "category": "StorageRead", "operationName": "GetBlob",
           "statusCode": 200, "callerIpAddress": "198.51.100.77:61000",
           "uri": "https://acct.blob.core.windows.net/audio/ep2.mp3",
           "properties": {"userAgentHeader": "Castro 2022.8/1179", "referrerHeader": ""}},
          {"time": "2022-09-20T11:00:02Z", "category": "StorageWrite", "operationName": "PutBlob",
           "callerIpAddress": "203.0.113.9:50125", "uri": "https://acct.blob.core.windows.net/audio/ep3.mp3",
           "properties": {}}
        ]}
        """;

    public const int StorageBlobDownloads = 2;

    // An Event Hubs capture-style file: one envelope a line. Line 3's category is no request log: rejected.
    public static string Capture => string.Join('\n',
        OneLine(FrontDoor),
        OneLine(StorageBlob),
        """{"records":[{"time":"2022-09-20T12:00:00Z","category":"AppServiceHTTPLogs","properties":{}}]}""",
        string.Empty);

    public const int CaptureDownloads = FrontDoorDownloads + StorageBlobDownloads;

    private const string Overcast = "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)";
    private const string AppleCoreMedia = "AppleCoreMedia/1.0.0.19G82 (iPhone; U; CPU OS 15_6 like Mac OS X; en_gb)";
    private const string Spotify = "Spotify/8.7.58 iOS/15.6 (iPhone13,2)";
    private const string Googlebot = "Googlebot/2.1 (+http://www.google.com/bot.html)";

    private static string Line(
        string host,
        string time,
        string path,
        string referer,
        string agent,
        string? range = null)
    {
        var line = $"{host} - - [{time}] \"GET {path} HTTP/1.1\" 200 9000000 \"{referer}\" \"{agent}\"";
        return range is null ? line : $"{line} \"{range}\"";
    }

    private static string OneLine(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return System.Text.Json.JsonSerializer.Serialize(document.RootElement);
    }
}
