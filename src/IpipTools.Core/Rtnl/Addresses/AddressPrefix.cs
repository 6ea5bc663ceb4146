using System.Globalization;
using System.Net;
using IpipTools.Core.Errors;

namespace IpipTools.Core.Rtnl.Addresses;

/// <summary>
/// An interface address as <c>ip addr add</c> takes it: ADDRESS or ADDRESS/LENGTH
/// (10.10.10.2/24). Unlike a route's prefix, host bits are the point: the address is
/// 10.10.10.2 on the network 10.10.10.0/24. Without a length the length is left to the
/// caller (the whole address, /32 or /128, as iproute2 does). PowerShell converts strings
/// through <see cref="Parse"/> and addresses (a piped address's Address) through the
/// implicit conversion, so both bind to a parameter of this type.
/// </summary>
public sealed record AddressPrefix(IPAddress Address, byte? PrefixLength)
{
    /// <summary>Reads ADDRESS[/LENGTH]; throws FormatException naming the text otherwise.</summary>
    public static AddressPrefix Parse(string text)
    {
        var slash = text.IndexOf('/');
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address) || address.ToString().Contains('%'))
        {
            throw new FormatException($"'{text}' is not an IP address (ADDRESS or ADDRESS/LENGTH, as 10.10.10.2/24 or 2001:db8::2/64).");
        }

        if (slash < 0)
        {
            return new AddressPrefix(address, null);
        }

        if (!byte.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new FormatException($"'{text}' has no prefix length after its '/' (a number from 0 to {AddressFamilies.MaxPrefixLength(address)}).");
        }

        return new AddressPrefix(address, length);
    }

    public static implicit operator AddressPrefix(IPAddress address) => new(address, null);

    /// <summary>
    /// The prefix length to use: the one written here or the one given separately (a piped
    /// address's PrefixLength), which must then agree; neither is the whole address.
    /// </summary>
    public byte LengthWith(byte? given)
    {
        if (PrefixLength is byte written && given is byte separate && written != separate)
        {
            throw new IpipToolsException(
                $"The address {this} says prefix length {written} and -PrefixLength says {separate}.", "PrefixLengthConflict",
                IpipErrorCategory.InvalidArgument, $"Give the length once: {Address}/{separate}, or leave -PrefixLength out.", ToString());
        }

        return PrefixLength ?? given ?? (byte)AddressFamilies.MaxPrefixLength(Address);
    }

    public override string ToString() => PrefixLength is byte length ? $"{Address}/{length}" : Address.ToString();
}
