using System.Net;
using System.Net.Sockets;
using IpipTools.Core.Errors;

namespace IpipTools.Core.Rtnl;

/// <summary>AF_INET/AF_INET6 numbers and the prefix-length rules that go with them.</summary>
public static class AddressFamilies
{
    public const byte Unspecified = 0;
    public const byte Inet = 2;
    public const byte Inet6 = 10;

    public static byte Of(IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => Inet,
        AddressFamily.InterNetworkV6 => Inet6,
        _ => throw new IpipToolsException($"'{address}' is neither IPv4 nor IPv6.", "InvalidAddress", IpipErrorCategory.InvalidArgument, "Give an IPv4 or IPv6 address.", address),
    };

    public static int MaxPrefixLength(IPAddress address) => address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;

    /// <summary>Refuses a prefix length that does not fit the address family.</summary>
    public static void ValidatePrefixLength(IPAddress address, int prefixLength)
    {
        var max = MaxPrefixLength(address);
        if (prefixLength < 0 || prefixLength > max)
        {
            throw new IpipToolsException(
                $"Prefix length /{prefixLength} is not valid for {address}: it must be between 0 and {max}.",
                "InvalidPrefixLength", IpipErrorCategory.InvalidArgument,
                $"Give a prefix length from 0 to {max}.", prefixLength);
        }
    }

    /// <summary>
    /// Refuses a pair of addresses of different families (a local IPv4 with an IPv6 peer).
    /// <paramref name="describe"/> names what the pair belongs to (<paramref name="subject"/>),
    /// and is called only to word the error: every route of a piped 100,000 passes here.
    /// </summary>
    public static void RequireSameFamily<T>(IPAddress first, IPAddress second, T subject, Func<T, string> describe)
    {
        if (first.AddressFamily != second.AddressFamily)
        {
            throw new IpipToolsException(
                $"{describe(subject)}: {first} and {second} are of different address families.",
                "AddressFamilyMismatch", IpipErrorCategory.InvalidArgument,
                "Use two IPv4 or two IPv6 addresses.", second);
        }
    }
}
