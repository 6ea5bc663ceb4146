using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl;

/// <summary>
/// An rtnetlink message as received: its fixed header (ifinfomsg, ifaddrmsg, rtmsg)
/// and every attribute in wire order, known or not. The bytes are copied out of the
/// receive buffer once, so the message outlives the read. <see cref="WriteTo"/>
/// emits exactly what was parsed.
/// </summary>
public abstract class RtnlMessage<THeader>
    where THeader : unmanaged
{
    protected RtnlMessage(NetlinkMessageHeader netlinkHeader, THeader header, AttributeList attributes)
    {
        NetlinkHeader = netlinkHeader;
        Header = header;
        Attributes = attributes;
    }

    public NetlinkMessageHeader NetlinkHeader { get; }

    public THeader Header { get; }

    public AttributeList Attributes { get; }

    protected static (THeader Header, AttributeList Attributes) ParseParts(NetlinkMessage message)
    {
        var copy = new NetlinkMessage(message.Header, message.Payload.ToArray());
        var header = copy.ReadFixedHeader<THeader>();
        var attributes = copy.ReadAttributes(System.Runtime.CompilerServices.Unsafe.SizeOf<THeader>());
        return (header, attributes);
    }

    /// <summary>Emits the whole message (nlmsghdr, fixed header, attributes) into <paramref name="writer"/>.</summary>
    public void WriteTo(MessageWriter writer)
    {
        var start = writer.BeginMessage(NetlinkHeader.Type, NetlinkHeader.Flags, NetlinkHeader.Sequence, NetlinkHeader.PortId);
        writer.WriteStruct(Header);
        Attributes.WriteTo(writer);
        writer.EndMessage(start);
    }
}
