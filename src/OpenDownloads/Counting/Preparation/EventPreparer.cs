using System.Globalization;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Datacenters;

namespace OpenDownloads.Counting.Preparation;

/// <summary>
/// oDL's prepare stage for one record: drop datacenter addresses, hash the IP, trim and percent-decode the strings,
/// read the time and the byte range. A record that cannot be prepared is rejected with a one-sentence reason.
/// </summary>
public sealed class EventPreparer
{
    /// <summary>The longest string field accepted; real user agents and URLs are far shorter.</summary>
    public const int MaxFieldLength = 8192;

    // Enum.GetValues makes a new array on every call; this runs once per record.
    private static readonly OdlField[] Fields = Enum.GetValues<OdlField>();

    private readonly IpHasher _hasher;
    private readonly IIpDenyList _denyList;

    /// <summary>
    /// Initializes a preparer that hashes with <paramref name="hasher"/> and drops <paramref name="denyList"/>.
    /// </summary>
    public EventPreparer(IpHasher hasher, IIpDenyList denyList)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(denyList);
        _hasher = hasher;
        _denyList = denyList;
    }

    /// <summary>Prepares <paramref name="record"/>.</summary>
    public PreparedRecord Prepare(RawRecord record) => Prepare(record, hashLater: false);

    /// <summary>
    /// Prepares <paramref name="record"/> but leaves a raw IP unhashed, in <see cref="RequestEvent.UnhashedIp"/>,
    /// for <see cref="HashIp"/> on the counting thread: reading, parsing and preparing is the slower of a count's
    /// two threads, and the hash is its largest single step.
    /// </summary>
    internal PreparedRecord PrepareForCounting(RawRecord record) => Prepare(record, hashLater: true);

    /// <summary>Hashes an IP left unhashed by <see cref="PrepareForCounting"/>; safe on any thread.</summary>
    internal void HashIp(string rawIp, Span<byte> hash) => _hasher.HashInto(rawIp, hash);

    private PreparedRecord Prepare(RawRecord record, bool hashLater)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ReadError is { } readError)
        {
            return PreparedRecord.Reject(readError);
        }

        if (FindOversizedField(record) is { } oversized)
        {
            return PreparedRecord.Reject(oversized);
        }

        var rawIp = record[OdlField.Ip]?.Trim();

        // A blank encoded_ip is no hash at all: oDL would keep it and merge every such listener into one.
        var encodedIp = record[OdlField.EncodedIp]?.Trim() is { Length: > 0 } given ? given : null;
        if (!string.IsNullOrEmpty(rawIp))
        {
            // oDL checks the deny list before it cleans anything, so a denied request is dropped even when other
            // fields are broken.
            if (IsDenied(rawIp) is not { } denied)
            {
                return PreparedRecord.Reject($"The ip '{rawIp}' is not an IPv4 or IPv6 address.");
            }

            if (denied)
            {
                return PreparedRecord.Denied;
            }

            if (encodedIp is null && hashLater)
            {
                return PrepareRest(record, string.Empty, rawIp);
            }

            encodedIp ??= _hasher.Hash(rawIp);
        }

        if (string.IsNullOrEmpty(encodedIp))
        {
            return PreparedRecord.Reject("The record has no ip or encoded_ip; one of them is required.");
        }

        return PrepareRest(record, encodedIp, null);
    }

    // Whether the address is on the deny list, or null when it is not an address. A plain dotted quad or plain
    // IPv6 text, nearly all of a log, is read straight into a number, which the parsers agree on; anything else goes
    // the strict, slower way.
    private bool? IsDenied(string rawIp)
    {
        if (rawIp.Contains(':', StringComparison.Ordinal)
            ? PlainIpv6Parser.TryParse(rawIp, out var number)
            : IpAddressParser.TryParse(rawIp, out number))
        {
            return _denyList.Contains(number);
        }

        return ClientAddress.TryParse(rawIp, out var address) ? _denyList.Contains(address!) : null;
    }

    private static PreparedRecord PrepareRest(RawRecord record, string encodedIp, string? unhashedIp)
    {
        var method = Clean(record[OdlField.HttpMethod]);
        if (method is null)
        {
            return PreparedRecord.Reject("The record has no http_method; a method such as GET is required.");
        }

        var episode = Clean(record[OdlField.EpisodeId]);
        if (episode is null)
        {
            return PreparedRecord.Reject("The record has no episode_id (or url, enclosure_url); one is required.");
        }

        var timestampText = record[OdlField.Timestamp];
        if (string.IsNullOrWhiteSpace(timestampText))
        {
            return PreparedRecord.Reject("The record has no timestamp (or time); one is required.");
        }

        if (!OdlTimestamp.TryParseUtcTicks(timestampText, out var ticks))
        {
            return PreparedRecord.Reject(
                $"The timestamp '{timestampText}' is not an ISO 8601 time such as 2022-09-20T00:08:03.328+00:00.");
        }

        if (ReadRange(record) is not { } range)
        {
            return PreparedRecord.Reject(DescribeBadRange(record));
        }

        var request = new RequestEvent(
            encodedIp,
            Clean(record[OdlField.UserAgent]) ?? string.Empty,
            Clean(record[OdlField.Referer]) ?? string.Empty,
            method,
            ticks,
            episode,
            range)
        {
            UnhashedIp = unhashedIp,
        };
        return PreparedRecord.Accept(request);
    }

    // oDL's clean_string: strip, empty becomes absent, then percent-decode.
    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : PercentDecoding.Decode(trimmed);
    }

    private static ByteRange? ReadRange(RawRecord record)
    {
        if (record.Has(OdlField.Range))
        {
            // An empty or "-" Range cell means the request had no Range header. oDL aborts the whole run on an
            // empty cell; reading it as a full request is what the log means.
            var header = Clean(record[OdlField.Range]);
            if (header is null or "-")
            {
                return ByteRange.Full;
            }

            return ByteRange.TryParseHeader(header, out var parsed) ? parsed : null;
        }

        if (!TryInteger(record[OdlField.ByteRangeStart], out var start)
            || !TryInteger(record[OdlField.ByteRangeEnd], out var end))
        {
            return null;
        }

        // oDL crashes on an end without a start; such a record cannot be counted the way oDL means.
        return end is not null && start is null ? null : new ByteRange(start, end);
    }

    private static string DescribeBadRange(RawRecord record)
    {
        if (record.Has(OdlField.Range))
        {
            return $"The range '{record[OdlField.Range]}' has no bytes=START-END, such as bytes=0-1 or bytes=500-.";
        }

        return $"The byte range '{record[OdlField.ByteRangeStart]}'-'{record[OdlField.ByteRangeEnd]}' is not "
            + "a number start with an optional number end.";
    }

    // oDL's clean_int: numbers are truncated toward zero, blank text is absent, anything else is an error.
    private static bool TryInteger(string? text, out long? value)
    {
        value = null;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return true;
        }

        var style = NumberStyles.AllowLeadingSign;
        if (long.TryParse(trimmed, style, CultureInfo.InvariantCulture, out var whole))
        {
            value = whole;
            return true;
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number) && Math.Abs(number) < 9e18)
        {
            value = (long)Math.Truncate(number);
            return true;
        }

        return false;
    }

    private static string? FindOversizedField(RawRecord record)
    {
        foreach (var field in Fields)
        {
            if (record[field] is { Length: > MaxFieldLength } value)
            {
                return $"The field {FieldMapping.OdlName(field)} is {value.Length} characters long; "
                    + $"at most {MaxFieldLength} are accepted.";
            }
        }

        return null;
    }
}
