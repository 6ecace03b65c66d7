using System.Net;
using OpenDownloads.Counting.Preparation;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Tests.Counting.Preparation;

public sealed class EventPreparerTests
{
    private readonly EventPreparer _sut = new(new IpHasher("salt"), new FixedDenyList("10.0.0.1", "2001:db8::1"));

    public static TheoryData<OdlField, string?, string> Rejections => new()
    {
        { OdlField.Ip, "not-an-ip", "The ip 'not-an-ip' is not an IPv4 or IPv6 address." },
        { OdlField.Ip, "10.1", "The ip '10.1' is not an IPv4 or IPv6 address." }, // legacy short forms are refused
        { OdlField.Ip, "[::1]", "The ip '[::1]' is not an IPv4 or IPv6 address." }, // brackets belong to URLs
        { OdlField.Ip, null, "The record has no ip or encoded_ip; one of them is required." },
        { OdlField.EpisodeId, "  ", "The record has no episode_id (or url, enclosure_url); one is required." },
        { OdlField.HttpMethod, null, "The record has no http_method; a method such as GET is required." },
        { OdlField.Timestamp, null, "The record has no timestamp (or time); one is required." },
        {
            OdlField.Timestamp, "20/Sep/2022:00:08:03 +0000",
            "The timestamp '20/Sep/2022:00:08:03 +0000' is not an ISO 8601 time such as 2022-09-20T00:08:03.328+00:00."
        },
        { OdlField.Range, "bytes=-500", "The range 'bytes=-500' has no bytes=START-END, such as bytes=0-1 or bytes=500-." },
        { OdlField.UserAgent, new string('u', 9000), "The field user_agent is 9000 characters long; at most 8192 are accepted." },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Prepare_BadField_RejectsWithReason(OdlField field, string? value, string reason)
    {
        var record = ValidRecord();
        record[field] = value;

        var result = _sut.Prepare(record);

        Assert.Equal(PreparedRecord.Reject(reason), result);
    }

    [Fact]
    public void Prepare_ValidRecord_HashesIpAndCleansStrings()
    {
        var record = ValidRecord();
        record[OdlField.UserAgent] = "  Mozilla%2F5.0 ";

        var result = _sut.Prepare(record);

        Assert.Equal(PrepareOutcome.Accepted, result.Outcome);
        Assert.Equal(IpHasher.Md5Hex("1.2.3.4|salt"), result.Event.EncodedIp);
        Assert.Equal("Mozilla/5.0", result.Event.UserAgent);
        Assert.Equal(new ByteRange(0, 1), result.Event.Range);
        Assert.Equal(string.Empty, result.Event.Referer);
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("::ffff:10.0.0.1")] // an IPv4-mapped client is its IPv4 address
    [InlineData("2001:db8::1")]
    public void Prepare_DatacenterIp_IsDeniedBeforeOtherChecks(string ip)
    {
        var record = new RawRecord(default) { [OdlField.Ip] = ip }; // nothing else: denial comes first, as in oDL

        Assert.Equal(PrepareOutcome.DeniedIp, _sut.Prepare(record).Outcome);
    }

    [Fact]
    public void Prepare_EncodedIpOnly_SkipsDenyListAndKeepsHash()
    {
        var record = ValidRecord();
        record[OdlField.Ip] = null;
        record[OdlField.EncodedIp] = "abc";

        Assert.Equal("abc", _sut.Prepare(record).Event.EncodedIp);
    }

    [Theory]
    [InlineData("", null, null)] // an empty Range cell is a request without Range
    [InlineData("-", null, null)] // nginx writes "-" for a missing header
    public void Prepare_EmptyRange_IsFullRequest(string range, long? start, long? end)
    {
        var record = ValidRecord();
        record[OdlField.Range] = range;

        Assert.Equal(new ByteRange(start, end), _sut.Prepare(record).Event.Range);
    }

    [Fact]
    public void Prepare_ByteRangeColumns_ReadAsIntegers()
    {
        var record = ValidRecord();
        record[OdlField.Range] = null;
        record[OdlField.ByteRangeStart] = "100";
        record[OdlField.ByteRangeEnd] = " ";

        Assert.Equal(new ByteRange(100, null), _sut.Prepare(record).Event.Range);
    }

    [Fact]
    public void Prepare_EndWithoutStart_IsRejected()
    {
        var record = ValidRecord();
        record[OdlField.Range] = null;
        record[OdlField.ByteRangeEnd] = "5";

        Assert.Equal(PrepareOutcome.Rejected, _sut.Prepare(record).Outcome);
    }

    [Fact]
    public void Prepare_ReadError_IsRejectedWithIt()
    {
        var result = _sut.Prepare(RawRecord.Unreadable(default, "broken"));

        Assert.Equal(PreparedRecord.Reject("broken"), result);
    }

    [Fact]
    public void PrepareForCounting_RawIp_LeavesTheSameHashForLater()
    {
        var record = ValidRecord();

        var result = _sut.PrepareForCounting(record);

        Assert.Equal(string.Empty, result.Event.EncodedIp);
        Assert.Equal("1.2.3.4", result.Event.UnhashedIp);
        var hash = new byte[16];
        _sut.HashIp(result.Event.UnhashedIp!, hash);
        Assert.Equal(_sut.Prepare(record).Event.EncodedIp, Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void PrepareForCounting_EncodedIpGiven_KeepsItAndNothingIsLeftToHash()
    {
        var record = ValidRecord();
        record[OdlField.EncodedIp] = "given";

        var result = _sut.PrepareForCounting(record);

        Assert.Equal("given", result.Event.EncodedIp);
        Assert.Null(result.Event.UnhashedIp);
    }

    private static RawRecord ValidRecord() => new(new RecordLocation("t", 1, 1))
    {
        [OdlField.Ip] = "1.2.3.4",
        [OdlField.UserAgent] = "UA",
        [OdlField.HttpMethod] = "GET",
        [OdlField.Timestamp] = "2022-09-20T00:00:00Z",
        [OdlField.EpisodeId] = "/e.mp3",
        [OdlField.Range] = "bytes=0-1",
    };

    private sealed class FixedDenyList(params string[] addresses) : IIpDenyList
    {
        private readonly HashSet<IPAddress> _addresses = addresses.Select(IPAddress.Parse).ToHashSet();

        public bool Contains(IPAddress address) =>
            _addresses.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    [Theory]
    [InlineData("")] // an empty cell is no hash
    [InlineData("  ")] // nor is a blank one: it would merge every such listener into one
    public void Prepare_BlankEncodedIpBesideRawIp_HashesTheIp(string blank)
    {
        var record = ValidRecord();
        record[OdlField.EncodedIp] = blank;

        Assert.Equal(IpHasher.Md5Hex("1.2.3.4|salt"), _sut.Prepare(record).Event.EncodedIp);
    }

    [Fact]
    public void Prepare_PaddedIp_HashesTheTrimmedIp()
    {
        var record = ValidRecord();
        record[OdlField.Ip] = " 1.2.3.4 ";

        Assert.Equal(IpHasher.Md5Hex("1.2.3.4|salt"), _sut.Prepare(record).Event.EncodedIp);
    }

    [Theory]
    [InlineData("10.7", "20.2", 10, 20)] // JSON numbers with a fraction are truncated, as oDL's int(float)
    [InlineData("1e1", "-0.5", 10, 0)]
    public void Prepare_FractionalByteRange_Truncates(string start, string end, long expectedStart, long expectedEnd)
    {
        var record = ValidRecord();
        record[OdlField.Range] = null;
        record[OdlField.ByteRangeStart] = start;
        record[OdlField.ByteRangeEnd] = end;

        Assert.Equal(new ByteRange(expectedStart, expectedEnd), _sut.Prepare(record).Event.Range);
    }
}
