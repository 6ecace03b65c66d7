using System.Security.Cryptography;
using System.Text;

namespace OpenDownloads.Counting.Preparation;

/// <summary>
/// Hashes raw IP addresses at the edge of the system, as oDL does: the hex MD5 of <c>ip|salt</c>. Nothing after this
/// point sees a raw IP. The same salt gives the same hash, so counts over several runs need one salt.
/// </summary>
public sealed class IpHasher
{
    private readonly string _salt;

    /// <summary>Initializes a hasher with <paramref name="salt"/>.</summary>
    public IpHasher(string salt)
    {
        ArgumentException.ThrowIfNullOrEmpty(salt);
        _salt = salt;
    }

    /// <summary>Creates a hasher with a random salt, as oDL does when none is given.</summary>
    public static IpHasher WithRandomSalt() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    /// <summary>Returns the lower-case hex MD5 of <c>ip|salt</c>, for the IP exactly as the log wrote it.</summary>
    public string Hash(string rawIp)
    {
        Span<byte> hash = stackalloc byte[16];
        HashInto(rawIp, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Writes the MD5 of <c>ip|salt</c> into <paramref name="hash"/> (16 bytes), as no string.</summary>
    internal void HashInto(string rawIp, Span<byte> hash)
    {
        ArgumentNullException.ThrowIfNull(rawIp);
        var length = rawIp.Length + 1 + _salt.Length;
        if (length > 256)
        {
            Md5Of(rawIp + "|" + _salt, hash);
            return;
        }

        // The common case without building "ip|salt" as a string first: once per request, it adds up.
        Span<char> text = stackalloc char[length];
        rawIp.CopyTo(text);
        text[rawIp.Length] = '|';
        _salt.CopyTo(text[(rawIp.Length + 1)..]);
        Md5Of(text, hash);
    }

    /// <summary>Returns the lower-case hex MD5 of a string's UTF-8 bytes, as oDL computes its ids.</summary>
    internal static string Md5Hex(string text) => Md5Hex(text.AsSpan());

    /// <summary>Returns the lower-case hex MD5 of some text's UTF-8 bytes.</summary>
    internal static string Md5Hex(ReadOnlySpan<char> text)
    {
        Span<byte> hash = stackalloc byte[16];
        Md5Of(text, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Writes the MD5 of some text's UTF-8 bytes into <paramref name="hash"/> (16 bytes).</summary>
    internal static void Md5Of(ReadOnlySpan<char> text, Span<byte> hash)
    {
        // oDL defines its encoded IPs and ids as MD5; matching its output needs the same hash. MD5 is not used to
        // protect anything here: the salt is what keeps the IP unreadable.
        var byteCount = Encoding.UTF8.GetByteCount(text);
        if (byteCount <= 1024)
        {
            Span<byte> utf8 = stackalloc byte[byteCount];
            Encoding.UTF8.GetBytes(text, utf8);
            Md5.HashData(utf8, hash);
        }
        else
        {
            Md5.HashData(Encoding.UTF8.GetBytes(text.ToArray()), hash);
        }
    }
}
