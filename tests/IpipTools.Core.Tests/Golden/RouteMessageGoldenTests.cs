using System.Net;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Golden;

/// <summary>
/// RTM_NEWROUTE messages written out from linux/rtnetlink.h (rtmsg, RTA_*, RTAX_*)
/// in fib_dump_info's order (TABLE, DST, PRIORITY, METRICS, PREFSRC, GATEWAY, OIF):
/// a Calico-style onlink route with every field IpipTools reads, and a route in a
/// table above 255, which only RTA_TABLE can carry. Also the request RouteEncoder
/// builds for the same route.
/// </summary>
public sealed class RouteMessageGoldenTests
{
    private static readonly byte[] RouteDump = Hex.Parse("""
        # ---- message 1: struct nlmsghdr
        58 00 00 00              # nlmsg_len = 88
        18 00                    # nlmsg_type = RTM_NEWROUTE (24)
        22 00                    # nlmsg_flags = NLM_F_MULTI | NLM_F_DUMP_FILTERED
        0f 00 00 00              # nlmsg_seq = 15
        39 05 00 00              # nlmsg_pid = 1337
        # struct rtmsg
        02                       # rtm_family = AF_INET
        18                       # rtm_dst_len = 24
        00                       # rtm_src_len = 0
        00                       # rtm_tos = 0
        fe                       # rtm_table = RT_TABLE_MAIN (254)
        49                       # rtm_protocol = 73 (IpipTools' own tag)
        00                       # rtm_scope = RT_SCOPE_UNIVERSE
        01                       # rtm_type = RTN_UNICAST
        04 00 00 00              # rtm_flags = RTNH_F_ONLINK
        08 00 0f 00  fe 00 00 00     # RTA_TABLE (15) u32 254
        08 00 01 00  0a 2a 02 00     # RTA_DST (1) 10.42.2.0
        08 00 06 00  64 00 00 00     # RTA_PRIORITY (6) u32 100: the metric
        # RTA_METRICS (8), nla_len 12
        0c 00 08 00
          08 00 02 00  78 05 00 00   # RTAX_MTU (2) u32 1400
        08 00 07 00  0a 2a 01 01     # RTA_PREFSRC (7) 10.42.1.1
        08 00 05 00  ac 10 a5 f4     # RTA_GATEWAY (5) 172.16.165.244
        08 00 04 00  07 00 00 00     # RTA_OIF (4) u32 7
        # ---- message 2: struct nlmsghdr
        34 00 00 00              # nlmsg_len = 52
        18 00 22 00              # RTM_NEWROUTE, NLM_F_MULTI | NLM_F_DUMP_FILTERED
        0f 00 00 00  39 05 00 00 # nlmsg_seq = 15, nlmsg_pid = 1337
        # struct rtmsg: AF_INET /24, table RT_TABLE_COMPAT (252): the real one is in RTA_TABLE
        02 18 00 00  fc 03 fd 01     # proto boot (3), scope link (253), unicast
        00 00 00 00                  # rtm_flags = 0
        08 00 0f 00  e8 03 00 00     # RTA_TABLE u32 1000
        08 00 01 00  0a 08 00 00     # RTA_DST 10.8.0.0
        08 00 04 00  03 00 00 00     # RTA_OIF 3
        """);

    /// <summary>
    /// What RouteEncoder sends to add the first route (10.42.2.0/24 via 172.16.165.244
    /// dev #7 onlink proto 73 metric 100 src 10.42.1.1 mtu 1400), without the nlmsghdr:
    /// table main fits rtm_table, so no RTA_TABLE; scope universe because of the gateway.
    /// </summary>
    private static readonly byte[] AddRequestBody = Hex.Parse("""
        02 18 00 00              # AF_INET, dst_len 24, src_len 0, tos 0
        fe 49 00 01              # table main, protocol 73, scope universe, RTN_UNICAST
        04 00 00 00              # rtm_flags = RTNH_F_ONLINK
        08 00 01 00  0a 2a 02 00     # RTA_DST 10.42.2.0
        08 00 06 00  64 00 00 00     # RTA_PRIORITY 100
        08 00 07 00  0a 2a 01 01     # RTA_PREFSRC 10.42.1.1
        08 00 05 00  ac 10 a5 f4     # RTA_GATEWAY 172.16.165.244
        08 00 04 00  07 00 00 00     # RTA_OIF 7
        0c 00 08 00                  # RTA_METRICS
          08 00 02 00  78 05 00 00   # RTAX_MTU 1400
        """);

    private static readonly Route CalicoRoute = new(IPNetwork.Parse("10.42.2.0/24"))
    {
        Gateway = IPAddress.Parse("172.16.165.244"),
        Device = "tunl0",
        OnLink = true,
        Protocol = RouteProtocol.IpipTools,
        Metric = 100,
        PreferredSource = IPAddress.Parse("10.42.1.1"),
        Mtu = 1400,
    };

    [Fact]
    public void ParsedAndEmittedAgainIsByteIdentical()
    {
        Assert.Equal(140, RouteDump.Length);
        MessageObjects.AssertSameBytes(RouteDump, MessageObjects.ReEmit(RouteDump));
    }

    [Fact]
    public void DecodesEveryFieldIpipToolsReads()
    {
        var names = new Dictionary<int, string> { [7] = "tunl0", [3] = "va" };
        var routes = NetlinkMessage.ParseAll(RouteDump).Select(m => RouteReader.Read(m, names.GetValueOrDefault, "lab")).ToList();

        var calico = routes[0];
        Assert.Equal(IPNetwork.Parse("10.42.2.0/24"), calico.Destination);
        Assert.Equal(IPAddress.Parse("172.16.165.244"), calico.Gateway);
        Assert.Equal((7, "tunl0"), (calico.DeviceIndex, calico.Device));
        Assert.True(calico.OnLink);
        Assert.Equal(RouteFlags.OnLink, calico.Flags);
        Assert.Equal(RouteScope.Global, calico.Scope);
        Assert.Equal(RouteTable.Main, calico.Table);
        Assert.Equal(100u, calico.Metric);
        Assert.Equal(RouteProtocol.IpipTools, calico.Protocol);
        Assert.True(calico.IsOwnedByIpipTools);
        Assert.Equal(RouteType.Unicast, calico.Type);
        Assert.Equal(IPAddress.Parse("10.42.1.1"), calico.PreferredSource);
        Assert.Equal(1400, calico.Mtu);
        Assert.Equal("lab", calico.Namespace);
        Assert.Equal("10.42.2.0/24 via 172.16.165.244 dev tunl0 proto 73 src 10.42.1.1 metric 100 onlink mtu 1400", calico.ToString());

        var bigTable = routes[1];
        Assert.Equal((RouteTable)1000, bigTable.Table);
        Assert.Equal(RouteScope.Link, bigTable.Scope);
        Assert.Equal(RouteProtocol.Boot, bigTable.Protocol);
        Assert.Null(bigTable.Mtu);
        Assert.Equal("10.8.0.0/24 dev va table 1000 scope link", bigTable.ToString());
    }

    [Fact]
    public void EncoderWritesTheRequestTheKernelExpects()
    {
        var writer = new MessageWriter();
        RouteEncoder.Write(writer, CalicoRoute, deviceIndex: 7);

        MessageObjects.AssertSameBytes(AddRequestBody, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void ReadRouteIsTheRouteThatMadeItWithWhatTheKernelAdds()
    {
        var names = new Dictionary<int, string> { [7] = "tunl0" };
        var route = RouteReader.Read(NetlinkMessage.ParseAll(RouteDump)[0], names.GetValueOrDefault, null);

        Assert.Equal(CalicoRoute with { Scope = RouteScope.Global, DeviceIndex = 7, Flags = RouteFlags.OnLink }, route);
    }
}
