using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace OpenDownloads.Datacenters;

/// <summary>
/// Maps IPv4 and IPv6 addresses onto one 128-bit number line: IPv6 addresses are their own value and IPv4 address
/// a.b.c.d is the IPv4-mapped IPv6 address ::ffff:a.b.c.d, so a client that arrives as ::ffff:1.2.3.4 is the
/// same point as 1.2.3.4.
/// </summary>
internal static class IpAddressSpace
{
    /// <summary>The value of 0.0.0.0, the first IPv4 address (::ffff:0.0.0.0).</summary>
    public static readonly UInt128 Ipv4First = (UInt128)0xFFFF << 32;

    /// <summary>The value of 255.255.255.255, the last IPv4 address (::ffff:255.255.255.255).</summary>
    public static readonly UInt128 Ipv4Last = Ipv4First + uint.MaxValue;

    public static UInt128 FromIPv4(uint address) => Ipv4First + address;

    public static bool IsIPv4(UInt128 value) => value >= Ipv4First && value <= Ipv4Last;

    public static UInt128 FromIPAddress(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return written == 4
            ? FromIPv4(BinaryPrimitives.ReadUInt32BigEndian(bytes))
            : BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    public static IPAddress ToIPAddress(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (IsIPv4(value))
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)(value - Ipv4First));
            return new IPAddress(bytes[..4]);
        }

        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    public static string Format(UInt128 value) => ToIPAddress(value).ToString();

    public static AddressFamily FamilyOf(UInt128 value) =>
        IsIPv4(value) ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
}
