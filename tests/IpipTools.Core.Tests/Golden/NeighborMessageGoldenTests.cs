using System.Net;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.BridgeFdb;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Neighbors;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Golden;

/// <summary>
/// RTM_NEWNEIGH messages written out by hand from linux/neighbour.h (struct ndmsg, NDA_*,
/// NUD_*, NTF_*): the requests for an ARP entry, an NBMA gre entry (a four-byte link-layer
/// address) and a vxlan FDB entry (family AF_BRIDGE, NTF_SELF, NDA_DST, NDA_VNI), and replies
/// as neigh_fill_info and the bridge and vxlan dumps write them, read back.
/// </summary>
public sealed class NeighborMessageGoldenTests
{
    private static readonly Link Veth = new() { Name = "v0", Index = 3, HardwareAddress = "0a:00:00:00:00:01" };
    private static readonly Link NbmaGre = new() { Name = "gre1", Index = 9, HardwareAddress = "192.0.2.1" };

    [Fact]
    public void EncodesAPermanentArpEntry()
    {
        var entry = new Neighbor(IPAddress.Parse("10.9.0.2"), "v0") { LinkLayerAddress = "02:00:00:00:00:02" };
        var lladdr = NeighborEncoder.Validate(entry, EntryChange.Add, Veth);
        var writer = new MessageWriter();
        NeighborEncoder.Write(writer, entry, Veth.Index, lladdr, removing: false);
        MessageObjects.AssertSameBytes(Hex.Parse("""
            02 00 00 00              # ndm_family AF_INET, pad1, pad2
            03 00 00 00              # ndm_ifindex 3
            80 00                    # ndm_state NUD_PERMANENT
            00                       # ndm_flags 0
            00                       # ndm_type 0
            08 00 01 00  0a 09 00 02         # NDA_DST (1) 10.9.0.2
            0a 00 02 00  02 00 00 00 00 02 00 00   # NDA_LLADDR (2) 6 bytes, padded to 12
            """), writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void EncodesAnNbmaGrePeerWithItsUnderlayAddressAsTheLinkLayerAddress()
    {
        var entry = new Neighbor(IPAddress.Parse("10.0.0.2"), "gre1") { LinkLayerAddress = "192.0.2.2" };
        var lladdr = NeighborEncoder.Validate(entry, EntryChange.Add, NbmaGre);
        var writer = new MessageWriter();
        NeighborEncoder.Write(writer, entry, NbmaGre.Index, lladdr, removing: false);
        MessageObjects.AssertSameBytes(Hex.Parse("""
            02 00 00 00  09 00 00 00  80 00 00 00
            08 00 01 00  0a 00 00 02     # NDA_DST 10.0.0.2
            08 00 02 00  c0 00 02 02     # NDA_LLADDR 192.0.2.2: four bytes, as gre1's own address
            """), writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void RefusesALinkLayerAddressOfAnotherLengthThanTheDevicesNamingIt()
    {
        var mac = new Neighbor(IPAddress.Parse("10.0.0.2"), "gre1") { LinkLayerAddress = "02:00:00:00:00:02" };
        var error = Assert.Throws<IpipTools.Core.Errors.IpipToolsException>(() => NeighborEncoder.Validate(mac, EntryChange.Add, NbmaGre));
        Assert.Equal("NeighborLinkLayerAddressLength", error.ErrorId);
        Assert.Contains("6 bytes long, and gre1's link-layer addresses are 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("underlay IPv4 address", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsANeighbourReplyAsIpNeighPrintsIt()
    {
        var reply = Hex.Parse("""
            44 00 00 00  1c 00 02 00  07 00 00 00  39 05 00 00   # RTM_NEWNEIGH (28), NLM_F_MULTI
            0a 00 00 00  04 00 00 00                             # AF_INET6, ifindex 4
            04 00 80 00                                          # NUD_STALE, NTF_ROUTER, type 0
            14 00 01 00  20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 02   # NDA_DST 2001:db8::2
            0a 00 02 00  02 00 00 00 00 05 00 00                 # NDA_LLADDR 02:00:00:00:00:05
            08 00 04 00  01 00 00 00                             # NDA_PROBES 1
            """);
        var names = new Dictionary<int, string> { [4] = "v1" };
        var read = NeighborReader.Read(NetlinkMessage.ParseAll(reply)[0], names.GetValueOrDefault, "lab");
        Assert.Equal((IPAddress.Parse("2001:db8::2"), "v1", 4, "02:00:00:00:00:05", NeighborState.Stale, true, false, "lab"),
            (read.Address, read.Device, read.DeviceIndex, read.LinkLayerAddress, read.State, read.IsRouter, read.Proxy, read.Namespace));
        Assert.Equal("2001:db8::2 dev v1 lladdr 02:00:00:00:00:05 router STALE", read.ToString());
    }

    [Fact]
    public void EncodesAVxlanFloodEntryAsBridgeFdbAppendDoes()
    {
        var entry = new BridgeFdbEntry("00:00:00:00:00:00", "vx0") { Destination = IPAddress.Parse("192.0.2.2"), Vni = 42, Self = true };
        var mac = BridgeFdbEncoder.Validate(entry);
        var writer = new MessageWriter();
        BridgeFdbEncoder.Write(writer, entry, 5, mac, removing: false);
        MessageObjects.AssertSameBytes(Hex.Parse("""
            07 00 00 00              # ndm_family AF_BRIDGE (7)
            05 00 00 00              # ndm_ifindex 5
            c0 00                    # ndm_state NUD_NOARP | NUD_PERMANENT, as bridge fdb sends "permanent"
            02                       # ndm_flags NTF_SELF
            00
            0a 00 02 00  00 00 00 00 00 00 00 00   # NDA_LLADDR 00:00:00:00:00:00
            08 00 01 00  c0 00 02 02               # NDA_DST 192.0.2.2
            08 00 07 00  2a 00 00 00               # NDA_VNI (7) u32 42
            """), writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void ReadsFdbEntriesOfAVxlanAndOfABridgePort()
    {
        var dump = Hex.Parse("""
            # a vxlan's remote, from its own table: NTF_SELF
            38 00 00 00  1c 00 02 00  08 00 00 00  39 05 00 00   # nlmsg_len 56
            07 00 00 00  05 00 00 00  80 00 02 00        # AF_BRIDGE, ifindex 5, NUD_PERMANENT, NTF_SELF
            0a 00 02 00  00 00 00 00 00 00 00 00         # NDA_LLADDR all zeros
            08 00 01 00  c0 00 02 03                     # NDA_DST 192.0.2.3
            08 00 07 00  2b 00 00 00                     # NDA_VNI 43
            # a static entry of bridge br0 (#2) for its port pv (#6): no flag, NDA_MASTER
            38 00 00 00  1c 00 02 00  08 00 00 00  39 05 00 00   # nlmsg_len 56
            07 00 00 00  06 00 00 00  40 00 00 00        # NUD_NOARP: static
            0a 00 02 00  02 00 00 00 00 42 00 00         # NDA_LLADDR 02:00:00:00:00:42
            08 00 09 00  02 00 00 00                     # NDA_MASTER (9) 2
            06 00 05 00  0a 00 00 00                     # NDA_VLAN (5) u16 10, padded to 8
            """);
        var names = new Dictionary<int, string> { [5] = "vx0", [6] = "pv", [2] = "br0" };
        var entries = NetlinkMessage.ParseAll(dump).Select(m => BridgeFdbReader.Read(m, names.GetValueOrDefault, null)).ToList();

        var remote = entries[0];
        Assert.Equal(("00:00:00:00:00:00", "vx0", "192.0.2.3", 43u, true, false, BridgeFdbState.Permanent),
            (remote.MacAddress, remote.Device, remote.Destination?.ToString(), remote.Vni!.Value, remote.Self, remote.Master, remote.State));
        Assert.True(new BridgeFdbEntry("00:00:00:00:00:00", "vx0") { Destination = IPAddress.Parse("192.0.2.3"), Self = true }.IsMadeBy(remote));

        var port = entries[1];
        Assert.Equal(("02:00:00:00:00:42", "pv", "br0", false, true, BridgeFdbState.Static, (ushort)10),
            (port.MacAddress, port.Device, port.Bridge, port.Self, port.Master, port.State, port.Vlan!.Value));
        Assert.Equal("02:00:00:00:00:42 dev pv vlan 10 master br0 static", port.ToString());
    }
}
