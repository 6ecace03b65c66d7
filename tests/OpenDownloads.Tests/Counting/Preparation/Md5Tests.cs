using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using OpenDownloads.Counting.Preparation;

namespace OpenDownloads.Tests.Counting.Preparation;

public sealed class Md5Tests
{
    public static TheoryData<string, string> Rfc1321Vectors => new()
    {
        { "", "d41d8cd98f00b204e9800998ecf8427e" },
        { "a", "0cc175b9c0f1b6a831c399e269772661" },
        { "abc", "900150983cd24fb0d6963f7d28e17f72" },
        { "message digest", "f96b697d7cb7938d525a2f31aaf161d0" },
        { "abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b" },
        {
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
            "57edf4a22be3c955ac49da2e2107b67a"
        }, // longer than one block
    };

    [Theory]
    [MemberData(nameof(Rfc1321Vectors))]
    public void HashData_Rfc1321Vector_GivesTheRfcDigest(string text, string expected)
    {
        Span<byte> hash = stackalloc byte[16];

        Md5.HashData(Encoding.ASCII.GetBytes(text), hash);

        Assert.Equal(expected, Convert.ToHexStringLower(hash));
    }

    [Theory]
    [InlineData(55)] // the longest tail that leaves room for the length in the same block
    [InlineData(56)] // the shortest that needs a second block
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(119)]
    [InlineData(120)]
    public void HashData_LengthAtABlockBoundary_MatchesTheFrameworkMd5(int length)
    {
        var data = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();

        Assert.Equal(FrameworkMd5(data), Md5Hex(data));
    }

    [Fact]
    public void HashData_AnyBytes_MatchesTheFrameworkMd5()
    {
        Prop.ForAll<byte[]>(data => Md5Hex(data) == FrameworkMd5(data)).QuickCheckThrowOnFailure();
    }

    private static string Md5Hex(byte[] data)
    {
        var hash = new byte[16];
        Md5.HashData(data, hash);
        return Convert.ToHexStringLower(hash);
    }

#pragma warning disable CA5351 // The reference the managed MD5 is checked against.
    private static string FrameworkMd5(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));
#pragma warning restore CA5351
}
