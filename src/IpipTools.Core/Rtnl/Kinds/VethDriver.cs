using System.Net.NetworkInformation;
using IpipTools.Core.Interop;
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
    public bool HasHardwareAddress => true;

    public int CreationRank => 1;

    /// <summary>A pair is made with its peer's name and namespace, which the topology supplies.</summary>
    public LinkKindParameters CreationDefaults => new VethParameters(null);

    public string KernelModule => "veth";

    public string KernelConfigOption => "CONFIG_VETH";

    public LinkKindParameters PairedWith(Link peer, NetNamespace? peerNamespace) => new VethParameters(peer.Name, peerNamespace)
    {
        PeerIndex = peer.Index,
        PeerHardwareAddress = peer.HardwareAddress is { Length: > 0 } text ? PhysicalAddress.Parse(text.Replace(':', '-')) : null,
        PeerMtu = peer.Mtu,
        PeerIsUp = peer.IsUp,
        PeerAlias = peer.Alias,
        PeerMaster = peer.Master,
    };

    public (string Name, NetNamespace? Namespace, string? Alias, string? Master, bool Up)? PeerLeftToSet(LinkKindParameters parameters) =>
        parameters is VethParameters { PeerName: string name } veth && (veth.PeerAlias is not null || veth.PeerMaster is not null || veth.PeerIsUp)
            ? (name, veth.PeerNamespace, veth.PeerAlias, veth.PeerMaster, veth.PeerIsUp)
            : null;

    /// <summary>
    /// EEXIST for a link whose name is free (the link operations have ruled out a taken name)
    /// is about the peer: it goes where its namespace is (the link's own, or the one named).
    /// </summary>
    public override NetlinkException? ExplainRefusal(NetlinkException error, Link link, VethParameters veth, RtnetlinkClient client)
    {
        if (error.ErrorNumber != Errno.EEXIST || veth.PeerName is not string peer)
        {
            return null;
        }

        var elsewhere = veth.PeerNamespace is { IsCallerNamespace: false } peerNamespace && !peerNamespace.Equals(client.Namespace) ? peerNamespace : null;
        bool taken;
        if (elsewhere is null)
        {
            taken = client.Links.Find(peer) is not null;
        }
        else
        {
            using var there = RtnetlinkClient.Open(elsewhere);
            taken = there.Links.Find(peer) is not null;
        }

        return taken
            ? error.ExplainWhole(
                $"the veth peer name '{peer}' is already taken {(elsewhere ?? client.Namespace).Describe()}",
                "Choose another peer name, or remove the link that has it first.", LinkOperations.NameTakenId, peer)
            : null;
    }

    public override void WriteInfoData(MessageWriter writer, VethParameters veth, LinkEncodingContext context)
    {
        if (veth.PeerName is null && veth.PeerNamespace is null && veth.PeerIndex == 0 && veth.PeerHardwareAddress is null && veth.PeerMtu is null)
        {
            return; // the kernel names the peer vethN in our namespace
        }

        // The peer is described by a whole ifinfomsg followed by link attributes.
        using var peer = writer.Nested(PeerAttribute);
        // No IFF_UP here: veth_newlink configures the peer before the two are joined, and a veth
        // without its peer refuses to open (ENOTCONN), so the peer comes up in a change afterwards.
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
