using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Addresses;

/// <summary>Builds <see cref="InterfaceAddress"/> objects from RTM_NEWADDR messages.</summary>
public static class AddressReader
{
    /// <summary>
    /// IFA_LOCAL is the address itself; IFA_ADDRESS is the peer on a point-to-point
    /// address ("A peer B") and the same address otherwise, which is why a peer is
    /// only reported when the two differ.
    /// </summary>
    public static InterfaceAddress Read(AddressMessage message, Func<int, string?> deviceName, string? namespaceName)
    {
        var a = message.Attributes;
        var local = a.GetAddress(AddressAttribute.Local);
        var address = a.GetAddress(AddressAttribute.Address);
        var mine = local ?? address ?? throw new NetlinkProtocolException("address message without IFA_LOCAL or IFA_ADDRESS");
        var peer = local is not null && address is not null && !address.Equals(local) ? address : null;
        return new InterfaceAddress
        {
            InterfaceName = deviceName(message.Header.Index) ?? $"if{message.Header.Index}",
            Index = message.Header.Index,
            Namespace = namespaceName,
            Address = mine,
            PrefixLength = message.Header.PrefixLength,
            Peer = peer,
            Scope = (RouteScope)message.Header.Scope,
            Label = a.GetString(AddressAttribute.Label),
            Flags = (AddressFlags)(a.GetUInt32(AddressAttribute.Flags) ?? message.Header.Flags),
            Protocol = (AddressProtocol)(a.GetByte(AddressAttribute.Protocol) ?? 0),
        };
    }
}
