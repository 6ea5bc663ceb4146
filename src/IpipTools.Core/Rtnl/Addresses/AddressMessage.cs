using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Addresses;

/// <summary>An RTM_NEWADDR message as the kernel sends it.</summary>
public sealed class AddressMessage : RtnlMessage<IfAddrMessage>
{
    private AddressMessage(NetlinkMessageHeader netlinkHeader, IfAddrMessage header, AttributeList attributes)
        : base(netlinkHeader, header, attributes)
    {
    }

    public static AddressMessage Parse(NetlinkMessage message)
    {
        var (header, attributes) = ParseParts(message);
        return new AddressMessage(message.Header, header, attributes);
    }
}
