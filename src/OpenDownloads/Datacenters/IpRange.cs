namespace OpenDownloads.Datacenters;

/// <summary>
/// A closed range of IP addresses, <see cref="Start"/> to <see cref="End"/> inclusive, on one number line for both
/// families: IPv6 addresses are their 128-bit value and IPv4 address a.b.c.d is the IPv4-mapped IPv6 address
/// ::ffff:a.b.c.d (see <see cref="IpAddressParser"/>).
/// </summary>
/// <remarks>
/// Because of that mapping, an IPv6 range that spans ::ffff:0.0.0.0/96 also covers the IPv4 addresses in it, as
/// it would in IPv6. Ranges are expected to have <see cref="Start"/> at or before <see cref="End"/>.
/// </remarks>
/// <param name="Start">The first address in the range.</param>
/// <param name="End">The last address in the range.</param>
public readonly record struct IpRange(UInt128 Start, UInt128 End)
{
    /// <summary>Gets whether the whole range is IPv4 addresses.</summary>
    public bool IsIPv4 => IpAddressSpace.IsIPv4(Start) && IpAddressSpace.IsIPv4(End);

    /// <summary>
    /// Gets the number of addresses in the range. Checked arithmetic: the whole 128-bit space, the only range
    /// whose count does not fit, throws <see cref="OverflowException"/>.
    /// </summary>
    public UInt128 AddressCount => checked(End - Start + 1);

    /// <summary>Returns whether the range holds an address.</summary>
    /// <param name="address">An address on the same number line, as <see cref="IpAddressParser"/> gives.</param>
    public bool Contains(UInt128 address) => address >= Start && address <= End;

    /// <summary>Returns the range as <c>first-last</c>, such as <c>1.2.3.0-1.2.3.255</c>.</summary>
    public override string ToString() => $"{IpAddressSpace.Format(Start)}-{IpAddressSpace.Format(End)}";
}
