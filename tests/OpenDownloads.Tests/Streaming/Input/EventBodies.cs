namespace OpenDownloads.Tests.Streaming.Input;

/// <summary>Event bodies of each shape, modelled on the samples in Microsoft's and OP3's documentation.</summary>
internal static class EventBodies
{
    public const string FrontDoor = """
        {"records": [
          {"time": "2022-09-20T10:15:00.1234567Z", "resourceId": "/SUBSCRIPTIONS/X/PROFILES/P",
           "category": "FrontDoorAccessLog", "operationName": "Microsoft.Cdn/Profiles/AccessLog/Write",
           "properties": {"trackingReference": "t1", "httpMethod": "GET", "httpVersion": "2.0",
             "requestUri": "https://cdn.example.com:443/show/ep1.mp3?src=rss", "hostName": "cdn.example.com",
             "requestBytes": "350", "responseBytes": "1048576", "userAgent": "AppleCoreMedia/1.0.0 (iPhone)",
             "clientIp": "203.0.113.5", "clientPort": "52114", "socketIp": "203.0.113.5",
             "referer": "https://example.com/", "httpStatusCode": "200", "isReceivedFromClient": true}},
          {"time": "2022-09-20T10:15:00.2Z", "category": "FrontDoorAccessLog",
           "properties": {"httpMethod": "GET", "requestUri": "https://origin.example.com/show/ep1.mp3",
             "userAgent": "AppleCoreMedia/1.0.0 (iPhone)", "clientIp": "198.51.100.1",
             "isReceivedFromClient": false}},
          {"time": "2022-09-20T10:16:00Z", "category": "FrontDoorHealthProbeLog", "properties": {}}
        ]}
        """;

    public const string StorageBlob = """
        {"records": [
          {"time": "2022-09-20T11:00:00.0000000Z", "category": "StorageRead", "operationName": "GetBlob",
           "statusCode": 206, "callerIpAddress": "203.0.113.9:50123",
           "uri": "https://acct.blob.core.windows.net:443/audio/ep2.mp3?sv=2022-11-02&sig=secret",
           "properties": {"accountName": "acct", "userAgentHeader": "Overcast/3.0", "referrerHeader": ""}},
          {"time": "2022-09-20T11:00:01Z", "category": "StorageRead", "operationName": "GetBlobProperties",
           "callerIpAddress": "[2001:db8::9]:50124", "uri": "https://acct.blob.core.windows.net/audio/ep2.mp3",
           "properties": {"userAgentHeader": "Overcast/3.0"}},
          {"time": "2022-09-20T11:00:02Z", "category": "StorageWrite", "operationName": "PutBlob",
           "callerIpAddress": "203.0.113.9:50125", "uri": "https://acct.blob.core.windows.net/audio/ep3.mp3",
           "properties": {}}
        ]}
        """;

    public const string Op3Hit = """
        {"time": "2022-09-20T12:00:00.000Z", "uuid": "u1", "hashedIpAddress": "a1b2c3", "method": "GET",
         "url": "https://op3.dev/e/cdn.example.com/ep1.mp3", "userAgent": "Spotify/8.7", "referer": "",
         "range": "bytes=0-1", "xpsId": "", "edgeColo": "AMS"}
        """;

    public const string CombinedWithRange =
        "203.0.113.7 - - [20/Sep/2022:00:08:03 +0000] \"GET /show/ep1.mp3?x=1 HTTP/1.1\" 206 2 "
        + "\"https://example.com/\" \"Mozilla/5.0 (\\\"quoted\\\") caf\\xC3\\xA9\" \"bytes=0-1\"";

    public const string CombinedWithoutRange =
        "2001:db8::7 - frank [20/Sep/2022:02:00:00 +0200] \"HEAD /show/ep1.mp3 HTTP/2.0\" 200 0 \"-\" \"-\"";
}
