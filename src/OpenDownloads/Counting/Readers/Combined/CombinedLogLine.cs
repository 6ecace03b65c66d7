namespace OpenDownloads.Counting.Readers.Combined;

/// <summary>
/// Parses one nginx or Apache combined log line,
/// <c>host ident user [time] "request" status bytes "referer" "user-agent"</c>, optionally followed by the Range
/// header as one more quoted field (<c>"$http_range"</c> or <c>\"%{Range}i\"</c>). Fields are taken as logged: a
/// <c>-</c> user agent stays <c>-</c>, as oDL would read it, and a <c>-</c> Range means no Range header. Whatever
/// that field holds is the Range header: a value that is no byte range is rejected, as in an oDL event, so a format
/// that logs other fields after the user agent must log the Range header first.
/// </summary>
public static class CombinedLogLine
{
    /// <summary>Parses <paramref name="line"/> into a record; a line that is not combined format is rejected.</summary>
    public static RawRecord Parse(string line, RecordLocation location)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = new CombinedLogTokenizer(line);
        if (!fields.TryNext(out var host) || !fields.TryNext(out _) || !fields.TryNext(out _)
            || !fields.TryNextBracketed(out var time) || !fields.TryNextQuoted(out var request)
            || !fields.TryNext(out _) || !fields.TryNext(out _))
        {
            return RawRecord.Unreadable(
                location,
                "The line is not JSON or a combined log line; expected host ident user [time] \"request\" status "
                + "bytes \"referer\" \"user-agent\".");
        }

        if (!fields.TryNextQuoted(out var referer) || !fields.TryNextQuoted(out var userAgent))
        {
            return RawRecord.Unreadable(
                location, "The log line has no quoted referer and user agent; expected nginx/Apache combined format.");
        }

        if (!CombinedLogTime.TryParse(time, out var timestamp))
        {
            return RawRecord.Unreadable(
                location, $"The time '{time}' is not a log time such as 10/Oct/2000:13:55:36 -0700.");
        }

        if (!CombinedLogRequest.TryParse(request, out var method, out var path))
        {
            return RawRecord.Unreadable(
                location,
                $"The request '{request}' has no method and path; expected one such as GET /episode.mp3 HTTP/1.1.");
        }

        var record = new RawRecord(location)
        {
            [OdlField.Ip] = host,
            [OdlField.Timestamp] = timestamp,
            [OdlField.HttpMethod] = method,
            [OdlField.EpisodeId] = EpisodeUrl.Normalize(path),
            [OdlField.Referer] = referer,
            [OdlField.UserAgent] = userAgent,
        };
        // The field after the user agent is the Range header, as in an oDL event: a value that is not a byte range
        // is rejected, not read as a whole-file request.
        if (fields.TryNextQuoted(out var range))
        {
            record[OdlField.Range] = range;
        }

        return record;
    }
}
