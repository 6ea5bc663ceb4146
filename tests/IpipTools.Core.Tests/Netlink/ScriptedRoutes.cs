using System.Net;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;

namespace IpipTools.Core.Tests.Netlink;

/// <summary>Route dumps for scripted transports: RTM_NEWROUTE messages the way the kernel frames them.</summary>
internal static class ScriptedRoutes
{
    public const uint Port = 4242;

    /// <summary>
    /// One datagram holding a route to each of <paramref name="destinations"/> (NLM_F_MULTI,
    /// plus NLM_F_DUMP_INTR on the message <paramref name="interruptedAt"/>), and NLMSG_DONE
    /// unless <paramref name="withDone"/> is false.
    /// </summary>
    public static byte[] Dump(uint sequence, IEnumerable<string> destinations, int interruptedAt = -1, bool withDone = true)
    {
        var replies = new NetlinkReplyWriter(Port);
        var i = 0;
        foreach (var destination in destinations)
        {
            var flags = NetlinkFlags.Multi | (i++ == interruptedAt ? NetlinkFlags.DumpInterrupted : NetlinkFlags.None);
            replies.Message(RtnlMessageType.NewRoute, flags, sequence,
                w => RouteEncoder.Write(w, new Route(IPNetwork.Parse(destination)) { Device = "dev" }, deviceIndex: 1));
        }

        if (withDone)
        {
            replies.Done(sequence);
        }

        return replies.ToArray();
    }

    /// <summary>Runs a route dump on <paramref name="connection"/> and returns the destinations read.</summary>
    public static List<string> Read(NetlinkConnection connection) =>
        connection.Dump("list routes", RtnlMessageType.GetRoute, w => w.WriteStruct(new RtMessage { Family = AddressFamilies.Inet }),
                m => RouteReader.Read(m, _ => "dev", null))
            .Select(r => r.Destination.ToString())
            .ToList();

    public static IEnumerable<string> Prefixes(int second, int count) =>
        Enumerable.Range(0, count).Select(i => $"10.{second}.{i}.0/24");
}
