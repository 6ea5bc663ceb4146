using System.Net;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Reliability.Tests.Corpus;

/// <summary>
/// Makes the fuzzing corpus: builds a small but varied topology in two throwaway namespaces
/// and records the host kernel's replies byte for byte, one file per datagram, as a real
/// socket received them. The topology: a bridge with a veth port, a veth whose peer lives in
/// the other namespace (so IFLA_LINK_NETNSID appears), IPv4 and IPv6 addresses (one with a
/// peer), onlink routes with metric, MTU and protocol, routes in table 100, and enough of
/// them that the route dump spans several datagrams. Plus kernel errors with extended ACK,
/// and an ACK. The host kernel has no tunnel drivers, so ipip/gre/sit link messages are
/// encoded by IpipTools' own drivers instead (the kernel's attribute order) and marked
/// synthetic in their names.
/// </summary>
public static class CorpusCapture
{
    public static int Run(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var old in Directory.GetFiles(directory, "*.bin"))
        {
            File.Delete(old);
        }

        var files = Capture();
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(directory, name), bytes);
        }

        Console.WriteLine($"{files.Count} corpus files, {files.Sum(f => f.Value.Length):N0} bytes, written to {directory}");
        return 0;
    }

    public static SortedDictionary<string, byte[]> Capture()
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        using var a = new TestNamespace("corp");
        using var b = new TestNamespace("corp");
        BuildTopology(a, b);

        var (connection, recorder) = RecordingNetlinkTransport.Open(a.Namespace);
        using (connection)
        {
            Record(files, recorder, "link-dump", () => Dump(connection, RtnlMessageType.GetLink, w => w.WriteStruct(new IfInfoMessage())));
            Record(files, recorder, "address-dump", () => Dump(connection, RtnlMessageType.GetAddress, w => w.WriteStruct(new IfAddrMessage())));
            Record(files, recorder, "route-dump-ipv4", () => Dump(connection, RtnlMessageType.GetRoute, w => w.WriteStruct(new RtMessage { Family = AddressFamilies.Inet })));
            Record(files, recorder, "route-dump-ipv6", () => Dump(connection, RtnlMessageType.GetRoute, w => w.WriteStruct(new RtMessage { Family = AddressFamilies.Inet6 })));
            Record(files, recorder, "ack", () => connection.Execute("set br0 up", RtnlMessageType.NewLink, NetlinkFlags.None,
                w => w.WriteStruct(new IfInfoMessage { Index = IndexOf(a, "br0"), Flags = LinkFlags.Up, Change = LinkFlags.Up })));

            // Our own address as an onlink gateway: extended ACK text ("Nexthop has invalid gateway").
            Record(files, recorder, "error-invalid-gateway", () => Refused(() => connection.Execute("onlink via own address",
                RtnlMessageType.NewRoute, NetlinkFlags.Create | NetlinkFlags.Exclusive, w => WriteRoute(w, "10.9.9.0", 24, w2 =>
                {
                    w2.AddAddress(RouteAttribute.Gateway, IPAddress.Parse("10.1.0.1"));
                    w2.AddUInt32(RouteAttribute.OutputInterface, (uint)IndexOf(a, "va"));
                }, RouteFlags.OnLink))));

            // A 20-byte interface name: the policy check's text plus NLMSGERR_ATTR_OFFS pointing at it.
            Record(files, recorder, "error-bad-attribute", () => Refused(() => connection.Execute("overlong name",
                RtnlMessageType.NewLink, NetlinkFlags.Create | NetlinkFlags.Exclusive, w =>
                {
                    w.WriteStruct(new IfInfoMessage());
                    w.AddString(LinkAttribute.Name, "a-name-of-20-letters");
                    using var info = w.Nested(LinkAttribute.LinkInfo);
                    w.AddString(LinkAttribute.Info.Kind, "bridge");
                })));

            // A kind the kernel does not know: EOPNOTSUPP with "Unknown device type".
            Record(files, recorder, "error-unknown-kind", () => Refused(() => connection.Execute("unknown kind",
                RtnlMessageType.NewLink, NetlinkFlags.Create | NetlinkFlags.Exclusive, w =>
                {
                    w.WriteStruct(new IfInfoMessage());
                    w.AddString(LinkAttribute.Name, "nokind0");
                    using var info = w.Nested(LinkAttribute.LinkInfo);
                    w.AddString(LinkAttribute.Info.Kind, "nosuchkind");
                })));

            Record(files, recorder, "error-route-exists", () => Refused(() => connection.Execute("duplicate route",
                RtnlMessageType.NewRoute, NetlinkFlags.Create | NetlinkFlags.Exclusive, w => WriteRoute(w, "10.9.0.0", 24, w2 =>
                {
                    w2.AddUInt32(RouteAttribute.Priority, 100);
                    w2.AddAddress(RouteAttribute.Gateway, IPAddress.Parse("192.0.2.1"));
                    w2.AddUInt32(RouteAttribute.OutputInterface, (uint)IndexOf(a, "va"));
                }, RouteFlags.OnLink))));
        }

        AddSyntheticTunnels(files);
        return files;
    }

    private static void BuildTopology(TestNamespace a, TestNamespace b)
    {
        using var client = a.Connect();
        client.Links.SetUp("lo", true);
        client.Links.Add(new LinkSpec("br0", new BridgeParameters()) { Up = true, Alias = "corpus bridge" });
        client.Links.Add(new LinkSpec("vc", new VethParameters("vd")) { Up = true, Master = "br0" });
        client.Links.SetUp("vd", true);
        client.Links.Add(new LinkSpec("va", new VethParameters("vb", b.Namespace)) { Up = true, Mtu = 1400 });
        using (var peer = b.Connect())
        {
            peer.Links.SetUp("vb", true);
        }

        client.Addresses.Add(new AddressSpec("br0", IPAddress.Parse("10.20.0.1"), 24) { Label = "br0:corpus" });
        client.Addresses.Add(new AddressSpec("va", IPAddress.Parse("10.1.0.1"), 24));
        client.Addresses.Add(new AddressSpec("vd", IPAddress.Parse("10.10.100.10"), Peer: IPAddress.Parse("10.10.200.10")));
        client.Addresses.Add(new AddressSpec("br0", IPAddress.Parse("2001:db8::1"), 64));

        client.Routes.Add(new Route(IPNetwork.Parse("10.9.0.0/24"))
        {
            Gateway = IPAddress.Parse("192.0.2.1"), Device = "va", OnLink = true, Protocol = RouteProtocol.IpipTools, Metric = 100, Mtu = 1400,
        });
        client.Routes.Add(new Route(IPNetwork.Parse("0.0.0.0/0")) { Gateway = IPAddress.Parse("10.20.0.254"), Device = "br0", Table = (RouteTable)100 });
        client.Routes.Add(new Route(IPNetwork.Parse("10.30.0.0/16")) { Device = "br0", PreferredSource = IPAddress.Parse("10.20.0.1") });
        client.Routes.Add(new Route(IPNetwork.Parse("2001:db8:1::/48")) { Gateway = IPAddress.Parse("2001:db8::fe"), Device = "br0" });

        // Enough routes that the kernel splits the dump over several datagrams.
        var many = Enumerable.Range(0, 1200).Select(i => new Route(new IPNetwork(new IPAddress([10, (byte)(64 + i / 256), (byte)(i % 256), 0]), 24))
        {
            Gateway = IPAddress.Parse($"172.16.0.{i % 200 + 1}"), Device = "va", OnLink = true, Table = i % 2 == 0 ? RouteTable.Main : (RouteTable)100,
        });
        client.Routes.AddMany(many).ThrowIfAnyFailed();
    }

    /// <summary>ipip, gre and sit links as the kernel would report them, encoded by our drivers.</summary>
    private static void AddSyntheticTunnels(IDictionary<string, byte[]> files)
    {
        var tunnels = new (string Name, LinkKindParameters Parameters)[]
        {
            ("tun1", new IpipParameters { Local = IPAddress.Parse("10.10.10.2"), Remote = IPAddress.Parse("10.10.20.2"), Ttl = 64 }),
            ("tunl0", new IpipParameters { PathMtuDiscovery = false }),
            ("gre1", new GreParameters { Local = IPAddress.Parse("10.10.10.2"), Remote = IPAddress.Parse("10.10.20.3"), Tos = 1 }),
            ("sit1", new SitParameters { Remote = IPAddress.Parse("10.10.20.4") }),
        };
        var writer = new MessageWriter();
        using var context = new LinkEncodingContext();
        foreach (var (index, (name, parameters)) in tunnels.Index())
        {
            var start = writer.BeginMessage(RtnlMessageType.NewLink, NetlinkFlags.Multi, 1, 4242);
            writer.WriteStruct(new IfInfoMessage { Index = 10 + index, DeviceType = 768, Flags = LinkFlags.Up });
            writer.AddString(LinkAttribute.Name, name);
            writer.AddUInt32(LinkAttribute.Mtu, 1480);
            writer.AddAddress(LinkAttribute.Address, IPAddress.Parse("10.10.10.2"));
            using (writer.Nested(LinkAttribute.LinkInfo))
            {
                writer.AddString(LinkAttribute.Info.Kind, parameters.Kind);
                using var data = writer.Nested(LinkAttribute.Info.Data);
                LinkKindRegistry.For(parameters).WriteInfoData(writer, parameters, context);
            }

            writer.EndMessage(start);
        }

        files["synthetic-tunnel-links.bin"] = writer.WrittenSpan.ToArray();
    }

    private static void WriteRoute(MessageWriter w, string destination, byte prefixLength, Action<MessageWriter> rest, RouteFlags flags)
    {
        w.WriteStruct(new RtMessage
        {
            Family = AddressFamilies.Inet, DestinationLength = prefixLength, Table = (byte)RouteTable.Main,
            Protocol = RouteProtocol.Boot, Scope = RouteScope.Global, Type = RouteType.Unicast, Flags = flags,
        });
        w.AddAddress(RouteAttribute.Destination, IPAddress.Parse(destination));
        rest(w);
    }

    private static void Dump(NetlinkConnection connection, ushort type, RequestBodyWriter body) =>
        connection.Dump<object>($"dump {type}", type, body, _ => null);

    private static int IndexOf(TestNamespace ns, string name)
    {
        using var client = ns.Connect();
        return client.Links.IndexOf(name);
    }

    /// <summary>Each datagram the action made the kernel send becomes NAME-N.bin.</summary>
    private static void Record(IDictionary<string, byte[]> files, RecordingNetlinkTransport recorder, string name, Action action)
    {
        var before = recorder.Received.Count;
        action();
        var received = recorder.Received.Skip(before).ToList();
        if (received.Count == 0)
        {
            throw new InvalidOperationException($"{name}: the kernel sent nothing");
        }

        for (var i = 0; i < received.Count; i++)
        {
            files[$"{name}-{i}.bin"] = received[i];
        }
    }

    /// <summary>The request must be refused: its error reply is what is being captured.</summary>
    private static void Refused(Action action) => Assert.ThrowsAny<NetlinkException>(action);
}
