using System.Net;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;

namespace IpipTools.Core.Xfrm;

/// <summary>
/// xfrm_address_t: a 16-byte union that holds an IPv4 address in its first 4 bytes or an
/// IPv6 address whole. Which one it is comes from a family field elsewhere in the struct.
/// </summary>
internal static class XfrmAddress
{
    public const int Size = 16;

    /// <summary>Writes <paramref name="address"/> (null: all zeros) into the 16 bytes at <paramref name="destination"/>.</summary>
    public static void Write(Span<byte> destination, IPAddress? address)
    {
        destination[..Size].Clear();
        if (address is not null && !address.TryWriteBytes(destination, out _))
        {
            throw new ArgumentException($"cannot encode address {address}");
        }
    }

    /// <summary>The address of family <paramref name="family"/> in the 16 bytes at <paramref name="source"/>.</summary>
    public static IPAddress Read(ReadOnlySpan<byte> source, ushort family) => family switch
    {
        AddressFamilies.Inet => new IPAddress(source[..4]),
        AddressFamilies.Inet6 => new IPAddress(source[..Size]),
        _ => throw new NetlinkProtocolException($"xfrm address of unknown family {family}"),
    };

    /// <summary>The "any" address of a family, for a prefix of length 0 that the kernel sends as zeros.</summary>
    public static IPAddress Any(ushort family) => family == AddressFamilies.Inet6 ? IPAddress.IPv6Any : IPAddress.Any;
}
