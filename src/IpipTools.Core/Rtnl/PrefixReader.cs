using System.Net;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl;

/// <summary>
/// Turns an address and a prefix length from a kernel reply into an <see cref="IPNetwork"/>.
/// IPNetwork throws its own argument exceptions for a prefix longer than the address or for
/// bits set past the prefix; a reply is input, so both are checked here first: the length
/// is refused as a protocol error, and the address is masked (the kernel sends masked
/// prefixes, so this changes nothing in a well-formed reply).
/// </summary>
internal static class PrefixReader
{
    public static IPNetwork Read(ReadOnlySpan<byte> address, int prefixLength)
    {
        if (address.Length != 4 && address.Length != 16)
        {
            throw new NetlinkProtocolException($"a prefix's address has {address.Length} bytes; IPv4 has 4 and IPv6 16");
        }

        var bits = address.Length * 8;
        if (prefixLength > bits)
        {
            throw new NetlinkProtocolException($"prefix length {prefixLength} exceeds the address's {bits} bits");
        }

        Span<byte> bytes = stackalloc byte[address.Length];
        address.CopyTo(bytes);
        for (var bit = prefixLength; bit < bits; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPNetwork(new IPAddress(bytes), prefixLength);
    }
}
