using System.Globalization;
using System.Net;
using IpipTools.Core.Errors;

namespace IpipTools.Core.Rtnl;

/// <summary>
/// A prefix as people write it, ADDRESS/LENGTH, read as strictly as <c>ip route</c> reads it:
/// bits set past the length are refused ("Invalid prefix for given prefix length"), not
/// cleared. <see cref="IPNetwork.Parse(string)"/> clears them on .NET 9 and later (and throws
/// on .NET 8), so 10.62.0.1/24 would quietly become 10.62.0.0/24.
/// </summary>
public static class NetworkPrefix
{
    /// <summary>
    /// The prefix <paramref name="text"/> writes (an address alone is a host prefix), or null
    /// when it is not ADDRESS[/LENGTH] at all, which is left to the caller's usual conversion
    /// error. Throws when the address has host bits set, naming the network it probably meant.
    /// "default" is the IPv4 default route, 0.0.0.0/0, as <c>ip route</c> reads it without -6
    /// (the IPv6 one is written ::/0).
    /// </summary>
    public static IPNetwork? Parse(string text)
    {
        if (string.Equals(text, "default", StringComparison.OrdinalIgnoreCase))
        {
            return new IPNetwork(IPAddress.Any, 0);
        }

        var slash = text.IndexOf('/');
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address))
        {
            return null;
        }

        var bits = address.GetAddressBytes().Length * 8;
        var length = bits;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > bits))
        {
            return null;
        }

        var network = Mask(address, length);
        if (!network.Equals(address))
        {
            throw new IpipToolsException(
                $"The prefix {text} has host bits set: did you mean the network {network}/{length} (or {address}/{bits}, the one address)? ip route refuses it too (Invalid prefix for given prefix length).",
                "PrefixHasHostBits", IpipErrorCategory.InvalidArgument,
                $"Give the network, {network}/{length}, or {address}/{bits} for the one address {address}.", text);
        }

        return new IPNetwork(network, length);
    }

    /// <summary><paramref name="address"/> with every bit past the first <paramref name="length"/> cleared.</summary>
    public static IPAddress Mask(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = length; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }
}
