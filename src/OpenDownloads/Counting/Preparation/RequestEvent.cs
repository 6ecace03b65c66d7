namespace OpenDownloads.Counting.Preparation;

/// <summary>One request after oDL's prepare stage: cleaned strings, a UTC time, a byte range, no raw IP.</summary>
/// <param name="EncodedIp">The salted hash of the client's IP, or the hash the source already gave.</param>
/// <param name="UserAgent">The User-Agent, trimmed and percent-decoded; empty when absent.</param>
/// <param name="Referer">The Referer, trimmed and percent-decoded; empty when absent.</param>
/// <param name="HttpMethod">The HTTP method as written (oDL compares it case-insensitively).</param>
/// <param name="UtcTicks">When the request was made, in UTC ticks.</param>
/// <param name="EpisodeId">The episode: enclosure URL or id, trimmed and percent-decoded.</param>
/// <param name="Range">The requested byte range.</param>
public readonly record struct RequestEvent(
    string EncodedIp,
    string UserAgent,
    string Referer,
    string HttpMethod,
    long UtcTicks,
    string EpisodeId,
    ByteRange Range)
{
    /// <summary>
    /// Gets the client's IP, trimmed, when the preparer was asked to leave hashing it to the counting thread
    /// (<see cref="EncodedIp"/> is then empty); otherwise <see langword="null"/>. Never leaves the count.
    /// </summary>
    internal string? UnhashedIp { get; init; }

    /// <summary>Gets the time in whole Unix seconds, truncated as oDL's <c>int(timestamp)</c> does.</summary>
    public long UnixSeconds => (UtcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;

    /// <summary>Gets whether the method is GET in any case.</summary>
    public bool IsGet => HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Gets whether this request alone makes its listener group a download under oDL's range rule: a GET for the
    /// whole file, an open or zero end, or a closed range not ending at byte 1 whose size (end - start) is not 0.
    /// oDL sums <c>abs(end - start)</c> over a group's GETs not ending at byte 1; a sum of non-negative terms is
    /// positive exactly when one term is, so the rule can be decided one event at a time.
    /// </summary>
    public bool Qualifies => IsGet && (Range.End is null or 0 || (Range.End != 1 && Range.End != Range.Start));
}
