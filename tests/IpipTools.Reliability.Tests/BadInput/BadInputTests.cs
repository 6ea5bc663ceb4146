using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.Rtnl.Tunnels;
using Xunit;

namespace IpipTools.Reliability.Tests.BadInput;

/// <summary>
/// Bad input across the API, one row each: the call must fail with an
/// <see cref="IpipToolsException"/> whose ErrorId and message say what was wrong, and
/// must leave both namespaces exactly as they were (`ip -d -j` dumps before and after).
/// </summary>
public sealed class BadInputTests : IClassFixture<BadInputFixture>
{
    private static readonly IPAddress Local = IPAddress.Parse("192.0.2.1");
    private static readonly IPAddress Remote = IPAddress.Parse("192.0.2.2");

    /// <summary>Row name → (what to try in namespace A, the ErrorId, a fragment the message must contain).</summary>
    private static readonly Dictionary<string, (Action<RtnetlinkClient> Act, string ErrorId, string Fragment)> Rows = new()
    {
        // addresses and prefixes
        ["IPv4 prefix /33"] = (c => c.Addresses.Add(new InterfaceAddress("bi0", IPAddress.Parse("10.60.0.9"), 33)), "InvalidPrefixLength", "/33"),
        ["IPv6 prefix /129"] = (c => c.Addresses.Add(new InterfaceAddress("bi0", IPAddress.Parse("2001:db8::9"), 129)), "InvalidPrefixLength", "/129"),
        ["address with a peer of the other family"] = (c => c.Addresses.Add(new InterfaceAddress("bi0", IPAddress.Parse("10.60.0.9"), 32, IPAddress.Parse("2001:db8::1"))), "AddressFamilyMismatch", "different address families"),
        ["address on a missing device"] = (c => c.Addresses.Add(new InterfaceAddress("nosuch0", IPAddress.Parse("10.60.0.9"), 24)), "LinkNotFound", "nosuch0"),
        ["address on a device of another namespace"] = (c => c.Addresses.Add(new InterfaceAddress("bi1", IPAddress.Parse("10.60.0.9"), 24)), "LinkNotFound", "bi1"),
        ["duplicate address"] = (c => c.Addresses.Add(new InterfaceAddress("bi0", IPAddress.Parse("10.60.0.1"), 24)), "AddressExists", "already assigned"),
        ["deleting an absent address"] = (c => c.Addresses.Delete(new InterfaceAddress("bi0", IPAddress.Parse("10.60.0.77"), 24)), "AddressNotFound", "10.60.0.77"),

        // interface names
        ["empty link name"] = (c => c.Links.Add(Link.Of("", new BridgeParameters())), "InvalidInterfaceName", "empty"),
        ["16-byte link name"] = (c => c.Links.Add(Link.Of("sixteen-letters!", new BridgeParameters())), "InvalidInterfaceName", "at most 15"),
        ["link name with '/'"] = (c => c.Links.Add(Link.Of("a/b", new BridgeParameters())), "InvalidInterfaceName", "'/'"),
        ["link name with a space"] = (c => c.Links.Add(Link.Of("a b", new BridgeParameters())), "InvalidInterfaceName", "white space"),
        ["link name '.'"] = (c => c.Links.Add(Link.Of(".", new BridgeParameters())), "InvalidInterfaceName", "reserved"),
        ["duplicate link name"] = (c => c.Links.Add(Link.Of("bibr", new BridgeParameters())), "LinkNameTaken", "already exists"),
        ["veth peer name with ':'"] = (c => c.Links.Add(Link.Of("bix", new VethParameters("bad:peer"))), "InvalidInterfaceName", "veth peer name"),
        ["a link batch with one bad name sends nothing"] = (c => CreateAll(c, Link.Of("bigood", new BridgeParameters()), Link.Of("bad name", new BridgeParameters())), "InvalidInterfaceName", "white space"),
        ["a link batch with a taken name"] = (c => CreateAll(c, Link.Of("bibr", new BridgeParameters())), "LinkNameTaken", "bibr"),
        ["bridge port of a missing bridge"] = (c => c.Links.Add(Link.Of("bix", new BridgeParameters()) with { Master = "nosuchbr" }), "LinkNotFound", "nosuchbr"),
        ["renaming onto a taken name"] = (c => c.Links.Rename("bibr", "bi0"), "LinkNameTaken", "already exists"),
        ["deleting a missing link"] = (c => c.Links.Delete("nosuch0"), "LinkNotFound", "nosuch0"),
        ["MTU 67"] = (c => c.Links.SetMtu("bibr", 67), "InvalidMtu", "68"),
        ["MTU 70000"] = (c => c.Links.SetMtu("bibr", 70000), "InvalidMtu", "65535"),
        ["moving a link to a missing namespace"] = (c => c.Links.MoveTo("bibr", NetNamespace.Named("ipt-missing-ns")), "NamespaceNotFound", "ipt-missing-ns"),

        // routes
        ["route gateway of the other family"] = (c => c.Routes.Add(new Route(IPNetwork.Parse("10.62.0.0/24")) { Gateway = IPAddress.Parse("2001:db8::1"), Device = "bi0" }), "AddressFamilyMismatch", "2001:db8::1"),
        ["onlink route without a device"] = (c => c.Routes.Add(new Route(IPNetwork.Parse("10.62.0.0/24")) { Gateway = Local, OnLink = true }), "OnLinkNeedsDevice", "onlink"),
        ["route without gateway or device"] = (c => c.Routes.Add(new Route(IPNetwork.Parse("10.62.0.0/24"))), "RouteNeedsNextHop", "neither a gateway nor a device"),
        ["route MTU 10"] = (c => c.Routes.Add(new Route(IPNetwork.Parse("10.62.0.0/24")) { Device = "bi0", Mtu = 10 }), "InvalidMtu", "10"),
        ["route via a missing device"] = (c => c.Routes.Add(new Route(IPNetwork.Parse("10.62.0.0/24")) { Gateway = Local, Device = "nosuch0", OnLink = true }), "LinkNotFound", "nosuch0"),
        ["duplicate route"] = (c => c.Routes.Add(new Route(IPNetwork.Parse("10.61.0.0/24")) { Gateway = IPAddress.Parse("10.60.0.254"), Device = "bi0" }), "RouteExists", "already exists"),
        ["a batch of duplicate routes"] = (c => c.Routes.AddMany([new Route(IPNetwork.Parse("10.61.0.0/24")) { Gateway = IPAddress.Parse("10.60.0.254"), Device = "bi0" }]).ThrowIfAnyFailed(), "RouteExists", "10.61.0.0/24"),
        ["deleting an absent route"] = (c => c.Routes.Delete(new Route(IPNetwork.Parse("10.62.0.0/24")) { Device = "bi0" }), "RouteNotFound", "10.62.0.0/24"),
        ["gateway off the link without onlink"] = (c => c.Routes.Add(new Route(IPNetwork.Parse("10.62.0.0/24")) { Gateway = IPAddress.Parse("192.0.2.77"), Device = "bi0" }), "RouteGatewayRejected", "192.0.2.77"),
        ["onlink route on a device that is down"] = (c => c.Routes.Add(new Route(IPNetwork.Parse("10.62.0.0/24")) { Gateway = Local, Device = "bidown", OnLink = true }), "RouteDeviceDown", "bidown"),

        // tunnels: options, ranges and the host kernel's missing driver
        ["nopmtudisc with a fixed TTL"] = (c => c.Tunnels.Create(Link.Of("bt0", new IpipParameters { Local = Local, Remote = Remote, Ttl = 64, PathMtuDiscovery = false })), "ConflictingTunnelOptions", "path MTU discovery"),
        ["IPv6 tunnel endpoint"] = (c => c.Tunnels.Create(Link.Of("bt0", new IpipParameters { Local = IPAddress.Parse("2001:db8::1"), Remote = Remote })), "InvalidTunnelEndpoint", "not IPv4"),
        ["tunnel name too long"] = (c => c.Tunnels.Create(Link.Of("tunnel-name-too-long", new IpipParameters { Remote = Remote })), "InvalidInterfaceName", "tunnel name"),
        ["tunnel over a missing underlay"] = (c => c.Tunnels.Create(Link.Of("bt0", new IpipParameters { Remote = Remote }), "nosuch0"), "LinkNotFound", "nosuch0"),
        ["a bridge is not a tunnel"] = (c => c.Tunnels.Get("bibr"), "NotATunnel", "not an IP tunnel"),
        ["ipip on a kernel without the driver"] = (c => c.Tunnels.Create(Link.Of("bt0", new IpipParameters { Local = Local, Remote = Remote })), "KernelLacksLinkKind", "ipip"),
        ["TTL 256"] = (_ => Ipv4TunnelParameters.ParseTtl("256"), "InvalidTtl", "1 to 255"),
        ["TTL -1"] = (_ => Ipv4TunnelParameters.ParseTtl("-1"), "InvalidTtl", "'-1'"),
        ["TOS 0x100"] = (_ => Ipv4TunnelParameters.ParseTos("0x100"), "InvalidTos", "00 to ff"),
        ["TOS not hexadecimal"] = (_ => Ipv4TunnelParameters.ParseTos("zz"), "InvalidTos", "'zz'"),

        // namespaces
        ["connecting to a missing namespace"] = (_ => RtnetlinkClient.Open(NetNamespace.Named("ipt-missing-ns")).Dispose(), "NamespaceNotFound", "ipt-missing-ns"),
        ["process id 0"] = (_ => NetNamespace.OfProcess(0), "InvalidProcessId", "0"),
        ["empty namespace path"] = (_ => NetNamespace.FromPath(" "), "InvalidNamespacePath", "empty"),
    };

    private readonly BadInputFixture _fixture;

    public BadInputTests(BadInputFixture fixture)
    {
        _fixture = fixture;
    }

    public static TheoryData<string> RowNames => new(Rows.Keys);

    /// <summary>Queues every link in one batch, sends it, and throws the first link's error.</summary>
    private static void CreateAll(RtnetlinkClient client, params Link[] links)
    {
        using var batch = client.Links.CreateBatch();
        foreach (var link in links)
        {
            batch.Queue(link);
        }

        if (batch.Send().FirstOrDefault(o => o.Error is not null) is { } failed)
        {
            throw failed.Error!;
        }
    }

    [Fact]
    public void TheTableHasAtLeastThirtyRows() => Assert.True(Rows.Count >= 30, $"{Rows.Count} rows");

    [Theory]
    [MemberData(nameof(RowNames))]
    public void BadInputIsRefusedClearlyAndLeavesNoTrace(string row)
    {
        var (act, errorId, fragment) = Rows[row];
        var before = _fixture.Snapshot();
        using var client = _fixture.A.Connect();

        var error = Assert.ThrowsAny<IpipToolsException>(() => act(client));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.NotEqual(IpipErrorCategory.NotSpecified, error.Category);
        StateSnapshot.AssertUnchanged(before, _fixture.Snapshot());
    }
}
