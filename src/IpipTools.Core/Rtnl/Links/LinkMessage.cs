using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Links;

/// <summary>An RTM_NEWLINK message (a link as the kernel reports it), with typed accessors.</summary>
public sealed class LinkMessage : RtnlMessage<IfInfoMessage>
{
    private LinkMessage(NetlinkMessageHeader netlinkHeader, IfInfoMessage header, AttributeList attributes)
        : base(netlinkHeader, header, attributes)
    {
    }

    public static LinkMessage Parse(NetlinkMessage message)
    {
        var (header, attributes) = ParseParts(message);
        return new LinkMessage(message.Header, header, attributes);
    }

    public int Index => Header.Index;

    public string Name => Attributes.GetString(LinkAttribute.Name) ?? $"if{Header.Index}";

    public AttributeList? LinkInfo => Attributes.GetNested(LinkAttribute.LinkInfo);

    /// <summary>IFLA_INFO_KIND, e.g. "ipip", "veth"; null for devices without one (lo, physical).</summary>
    public string? Kind => LinkInfo?.GetString(LinkAttribute.Info.Kind);

    /// <summary>IFLA_INFO_DATA: the kind-specific attributes (IFLA_IPTUN_* for ipip).</summary>
    public AttributeList? InfoData => LinkInfo?.GetNested(LinkAttribute.Info.Data);
}
