using System.Net;

namespace IpipTools.Core.Rtnl.Neighbors;

/// <summary>
/// An ARP (IPv4) or NDP (IPv6) neighbour entry (<c>ip neigh add ADDRESS [lladdr LLADDR] dev
/// DEVICE [nud STATE] [router]</c>, or <c>ip neigh add proxy ADDRESS dev DEVICE</c>): what is
/// asked for, and what the kernel lists (<see cref="NeighborReader"/> fills
/// <see cref="DeviceIndex"/>, <see cref="Flags"/> and <see cref="Namespace"/>). The kernel
/// keys an entry by its address and device (and whether it is a proxy entry).
/// </summary>
public sealed record Neighbor(IPAddress Address, string Device)
{
    /// <summary>The device's index, as read (0 in a request: resolved when sent).</summary>
    public int DeviceIndex { get; init; }

    /// <summary>The link-layer address as <c>ip neigh</c> prints it (see <see cref="Neighbors.LinkLayerAddress"/>); null when none is known.</summary>
    public string? LinkLayerAddress { get; init; }

    public NeighborState State { get; init; } = NeighborState.Permanent;

    /// <summary>The IPv6 neighbour is a router (NTF_ROUTER).</summary>
    public bool IsRouter { get; init; }

    /// <summary>A proxy entry: the host answers ARP or NDP for <see cref="Address"/> on <see cref="Device"/>.</summary>
    public bool Proxy { get; init; }

    /// <summary>Every ndm_flags bit as read (router, proxy, externally learned, ...).</summary>
    public NeighborFlags Flags { get; init; }

    /// <summary>The namespace the entry was read in (null: the caller's).</summary>
    public string? Namespace { get; init; }

    public IpFamily Family => (IpFamily)AddressFamilies.Of(Address);

    /// <summary>Whether <paramref name="read"/> is the entry with this one's key.</summary>
    public bool IsMadeBy(Neighbor read) => read.Address.Equals(Address) && read.Device == Device && read.Proxy == Proxy;

    /// <summary>Like <c>ip neigh</c> prints it: "10.9.0.2 dev v0 lladdr 02:00:00:00:00:02 PERMANENT".</summary>
    public override string ToString() =>
        (Proxy ? "proxy " : string.Empty) + $"{Address} dev {Device}"
        + (LinkLayerAddress is null ? string.Empty : $" lladdr {LinkLayerAddress}")
        + (IsRouter ? " router" : string.Empty)
        + (Proxy ? string.Empty : " " + State.ToIpString());
}
