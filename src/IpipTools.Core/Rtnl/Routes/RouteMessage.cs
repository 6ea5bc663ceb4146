using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Routes;

/// <summary>
/// An RTM_NEWROUTE message as the kernel sends it, kept whole (rtmsg and every
/// attribute) so it can be emitted again byte for byte; <see cref="RouteReader"/>
/// builds the typed <c>Route</c>.
/// </summary>
public sealed class RouteMessage : RtnlMessage<RtMessage>
{
    private RouteMessage(NetlinkMessageHeader netlinkHeader, RtMessage header, AttributeList attributes)
        : base(netlinkHeader, header, attributes)
    {
    }

    public static RouteMessage Parse(NetlinkMessage message)
    {
        var (header, attributes) = ParseParts(message);
        return new RouteMessage(message.Header, header, attributes);
    }
}
