using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using OpenDownloads.Counting.Preparation;

namespace OpenDownloads.Tests.Counting.Preparation;

public sealed class PlainIpv6ParserTests
{
    public static TheoryData<string, string?, string> Texts => new()
    {
        { "2001:db8:0:0:0:0:0:1", "2001:db8::1", "eight groups" },
        { "2001:DB8::1", "2001:db8::1", "upper case and ::" },
        { "::", "::", "all zeros" },
        { "::1", "::1", ":: first" },
        { "fe80::", "fe80::", ":: last" },
        { "1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0", ":: for one group" },
        { "0001:0002::0003", "1:2::3", "leading zeros in groups" },
        { "::ffff:1.2.3.4", null, "an embedded IPv4 part is left to IPAddress" },
        { "fe80::1%eth0", null, "a zone id" },
        { "[::1]", null, "brackets" },
        { "1:2:3:4:5:6:7", null, "seven groups without ::" },
        { "1:2:3:4:5:6:7:8:9", null, "nine groups" },
        { "1::2::3", null, "two ::" },
        { ":1:2:3:4:5:6:7", null, "a single leading colon" },
        { "1:2:3:4:5:6:7:", null, "a single trailing colon" },
        { "12345::1", null, "five digits in a group" },
        { "1:::2", null, "three colons" },
        { "g::1", null, "not hex" },
        { "1.2.3.4", null, "IPv4" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void TryParse_Text_ReadsPlainFormsAndDeclinesTheRest(string text, string? expected, string reason)
    {
        var parsed = PlainIpv6Parser.TryParse(text, out var address);

        Assert.True(parsed == expected is not null, reason);
        if (expected is not null)
        {
            Assert.Equal(NumberOf(IPAddress.Parse(expected)), address);
        }
    }

    [Fact]
    public void TryParse_RandomTexts_AcceptsOnlyWhatIPAddressReadsAsTheSameIpv6Address()
    {
        var random = new Random(4);
        const string Alphabet = "0123456789abcdefABCDEF::::.%";
        var accepted = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var text = i % 2 == 0
                ? RandomText(random, Alphabet)
                : Shorten(new IPAddress(RandomBytes(random)).ToString(), random);
            if (!PlainIpv6Parser.TryParse(text, out var address))
            {
                continue;
            }

            accepted++;
            Assert.True(IPAddress.TryParse(text, out var parsed), text);
            Assert.Equal(AddressFamily.InterNetworkV6, parsed!.AddressFamily);
            Assert.Equal(NumberOf(parsed), address);
        }

        Assert.True(accepted > 40_000, $"only {accepted} texts were read");
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);

        // Runs of zero groups, so IPAddress writes "::" in many places.
        for (var group = random.Next(8); group < 8 && random.Next(3) > 0; group++)
        {
            bytes[group * 2] = 0;
            bytes[(group * 2) + 1] = 0;
        }

        return bytes;
    }

    // Sometimes upper case, sometimes with the groups' leading zeros written out.
    private static string Shorten(string text, Random random) => random.Next(3) switch
    {
        0 => text.ToUpperInvariant(),
        1 => string.Join(':', text.Split(':').Select(PadGroup)),
        _ => text,
    };

    private static string PadGroup(string group) => group.Length is > 0 and < 4 ? group.PadLeft(4, '0') : group;

    private static string RandomText(Random random, string alphabet) =>
        new([.. Enumerable.Range(0, random.Next(2, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

    private static UInt128 NumberOf(IPAddress address) =>
        BinaryPrimitives.ReadUInt128BigEndian(address.GetAddressBytes());
}
