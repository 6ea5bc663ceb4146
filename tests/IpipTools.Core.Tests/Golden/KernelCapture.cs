using System.Net;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;

namespace IpipTools.Core.Tests.Golden;

/// <summary>
/// Builds one small, fixed topology in a throwaway namespace and records the
/// kernel's replies to reading it, byte for byte: the source of the Golden/kernel-*.bin
/// files (also the fuzzing seed corpus). The topology:
/// veth va (mtu 1400, 10.1.0.1/24) — vb (10.10.100.10 peer 10.10.200.10), both up;
/// route 10.9.0.0/24 via 192.0.2.1 dev va onlink proto 73 metric 100 mtu 1400.
/// </summary>
internal static class KernelCapture
{
    public const string VethLink = "kernel-link-veth.bin";
    public const string LinkDump = "kernel-link-dump.bin";
    public const string AddressDump = "kernel-address-dump.bin";
    public const string RouteDump = "kernel-route-dump.bin";
    public const string Ack = "kernel-ack.bin";
    public const string InvalidGatewayError = "kernel-error-invalid-gateway.bin";
    public const string BadAttributeError = "kernel-error-bad-attribute.bin";

    public static readonly string[] Files = { VethLink, LinkDump, AddressDump, RouteDump, Ack, InvalidGatewayError, BadAttributeError };

    /// <summary>
    /// The request whose RTA_GATEWAY is 2 bytes instead of 4; the kernel's policy
    /// check refuses it and points NLMSGERR_ATTR_OFFS at that attribute. Its offset in
    /// the request: nlmsghdr (16) + rtmsg (12) + RTA_DST (8) = 36.
    /// </summary>
    public const int BadGatewayOffset = 36;

    /// <summary>Each capture by file name; also every datagram received, in order.</summary>
    public static (Dictionary<string, byte[]> Files, List<byte[]> AllReceived) Run()
    {
        using var ns = new TestNamespace("gold");
        var (client, recorder) = RecordingClient.Open(ns.Namespace);
        using var _ = client;
        var connection = client.Connection;
        var files = new Dictionary<string, byte[]>();

        client.Links.Add(new LinkSpec("va", new VethParameters("vb")) { Mtu = 1400, Up = true });
        files[Ack] = Last(recorder, () => client.Links.SetUp("vb", true));
        client.Addresses.Add(new AddressSpec("va", IPAddress.Parse("10.1.0.1"), 24));
        client.Addresses.Add(new AddressSpec("vb", IPAddress.Parse("10.10.100.10"), Peer: IPAddress.Parse("10.10.200.10")));
        client.Routes.Add(new Route(IPNetwork.Parse("10.9.0.0/24"))
        {
            Gateway = IPAddress.Parse("192.0.2.1"), Device = "va", OnLink = true,
            Protocol = RouteProtocol.IpipTools, Metric = 100, Mtu = 1400,
        });

        files[VethLink] = Last(recorder, () => client.Links.FindMessage("va"));
        files[LinkDump] = All(recorder, () => client.Links.ListMessages());
        files[AddressDump] = All(recorder, () => connection.Dump("dump IPv4 addresses", RtnlMessageType.GetAddress,
            w => w.WriteStruct(new IfAddrMessage { Family = AddressFamilies.Inet }), AddressMessage.Parse));
        files[RouteDump] = All(recorder, () => connection.Dump("dump main table", RtnlMessageType.GetRoute,
            w => w.WriteStruct(new RtMessage { Family = AddressFamilies.Inet, Table = (byte)RouteTable.Main }), RouteMessage.Parse));

        // Our own address as an onlink gateway: the kernel's "Nexthop has invalid gateway".
        files[InvalidGatewayError] = Last(recorder, () => Refused(() => client.Routes.Add(new Route(IPNetwork.Parse("10.9.9.0/24"))
        {
            Gateway = IPAddress.Parse("10.1.0.1"), Device = "va", OnLink = true,
        })));
        files[BadAttributeError] = Last(recorder, () => Refused(() => connection.Execute("add a route with a 2-byte gateway",
            RtnlMessageType.NewRoute, NetlinkFlags.Create | NetlinkFlags.Exclusive, w =>
            {
                w.WriteStruct(new RtMessage { Family = AddressFamilies.Inet, DestinationLength = 24, Table = (byte)RouteTable.Main, Protocol = RouteProtocol.Boot, Type = RouteType.Unicast });
                w.AddAddress(RouteAttribute.Destination, IPAddress.Parse("10.9.8.0"));
                w.AddAttribute(RouteAttribute.Gateway, new byte[] { 192, 0 });
            })));

        return (files, recorder.Received);
    }

    private static byte[] Last(RecordingNetlinkTransport recorder, Action action)
    {
        var before = recorder.Received.Count;
        action();
        if (recorder.Received.Count == before)
        {
            throw new InvalidOperationException("nothing was received");
        }

        return recorder.Received[^1];
    }

    /// <summary>Every datagram of a dump, concatenated: still a valid run of messages.</summary>
    private static byte[] All(RecordingNetlinkTransport recorder, Action action)
    {
        var before = recorder.Received.Count;
        action();
        return recorder.Received.Skip(before).SelectMany(d => d).ToArray();
    }

    private static void Refused(Action action)
    {
        try
        {
            action();
        }
        catch (NetlinkException)
        {
            return;
        }

        throw new InvalidOperationException("the kernel accepted a request meant to be refused");
    }
}
