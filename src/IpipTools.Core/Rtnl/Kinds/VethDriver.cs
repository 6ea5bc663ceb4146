using System.Net.NetworkInformation;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// IFLA_INFO_DATA of kind "veth": the peer, described by a whole ifinfomsg with its own
/// attributes (name, MTU, address, and the namespace it goes to), sent with the link.
/// </summary>
internal sealed class VethDriver : LinkKindDriver<VethParameters>, IPairKind
{
    /// <summary>VETH_INFO_PEER (linux/veth.h).</summary>
    private const ushort PeerAttribute = 1;

    public override string Kind => "veth";

    public LinkRole Role => LinkRole.Pair;

    /// <summary>After bridges (an end may be a port), before tunnels (an end may be their underlay).</summary>
    public int CreationRank => 1;

    /// <summary>A pair is made with its peer's name and namespace, which the topology supplies.</summary>
    public LinkKindParameters CreationDefaults => new VethParameters(null);

    public string KernelModule => "veth";

    public string KernelConfigOption => "CONFIG_VETH";

    public LinkKindParameters PairedWith(string peerName, NetNamespace? peerNamespace, int peerIndex, PhysicalAddress? peerHardwareAddress) =>
        new VethParameters(peerName, peerNamespace) { PeerIndex = peerIndex, PeerHardwareAddress = peerHardwareAddress };

    public override void WriteInfoData(MessageWriter writer, VethParameters veth, LinkEncodingContext context)
    {
        if (veth.PeerName is null && veth.PeerNamespace is null && veth.PeerIndex == 0 && veth.PeerHardwareAddress is null && veth.PeerMtu is null)
        {
            return; // the kernel names the peer vethN in our namespace
        }

        // The peer is described by a whole ifinfomsg followed by link attributes.
        using var peer = writer.Nested(PeerAttribute);
        writer.WriteStruct(new IfInfoMessage { Index = veth.PeerIndex });
        if (veth.PeerHardwareAddress is not null)
        {
            writer.AddAttribute(LinkAttribute.Address, veth.PeerHardwareAddress.GetAddressBytes());
        }

        if (veth.PeerName is not null)
        {
            InterfaceName.Validate(veth.PeerName, "veth peer name");
            writer.AddString(LinkAttribute.Name, veth.PeerName);
        }

        if (veth.PeerMtu is int mtu)
        {
            writer.AddUInt32(LinkAttribute.Mtu, (uint)mtu);
        }

        if (veth.PeerNamespace is { IsCallerNamespace: false } peerNamespace)
        {
            writer.AddUInt32(LinkAttribute.NetNamespaceFd, (uint)context.NamespaceFd(peerNamespace));
        }
    }

    // The kernel reports no peer in a veth's IFLA_INFO_DATA; IFLA_LINK names its index.
    public override VethParameters Read(AttributeList? infoData) => new VethParameters(null);
}
