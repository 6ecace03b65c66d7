namespace OpenDownloads.Counting.Readers;

/// <summary>The fields of an oDL event, as oDL's prepare stage names them after mapping.</summary>
public enum OdlField
{
    /// <summary>The client's raw IP address (<c>ip</c>).</summary>
    Ip,

    /// <summary>A salted hash standing in for the IP (<c>encoded_ip</c>).</summary>
    EncodedIp,

    /// <summary>The request's User-Agent header (<c>user_agent</c>).</summary>
    UserAgent,

    /// <summary>The request's Referer header (<c>referer</c>).</summary>
    Referer,

    /// <summary>The HTTP method (<c>http_method</c>).</summary>
    HttpMethod,

    /// <summary>When the request was made (<c>timestamp</c>).</summary>
    Timestamp,

    /// <summary>The episode: the enclosure URL or any stable id (<c>episode_id</c>).</summary>
    EpisodeId,

    /// <summary>A raw Range header such as <c>bytes=0-1</c> (<c>range</c>).</summary>
    Range,

    /// <summary>The first byte of a range request (<c>byte_range_start</c>).</summary>
    ByteRangeStart,

    /// <summary>The last byte of a range request (<c>byte_range_end</c>).</summary>
    ByteRangeEnd,
}
