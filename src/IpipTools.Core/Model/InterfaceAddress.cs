using System.Net;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;

namespace IpipTools.Core.Model;

/// <summary>An address on an interface; for point-to-point links, with the peer it reaches.</summary>
public sealed record InterfaceAddress
{
    /// <summary>The interface the address is on.</summary>
    public required string Name { get; init; }

    public required int Index { get; init; }

    public string? Namespace { get; init; }

    /// <summary>The local address (IFA_LOCAL).</summary>
    public required IPAddress Address { get; init; }

    public required byte PrefixLength { get; init; }

    /// <summary>The far end of a point-to-point address ("A peer B"), when it differs from the local address.</summary>
    public IPAddress? Peer { get; init; }

    public RouteScope Scope { get; init; }

    public string? Label { get; init; }

    /// <summary>IFA_F_* bits: Permanent, Secondary, NoDad, ... (what <c>ip addr</c> lists after the scope).</summary>
    public AddressFlags Flags { get; init; }

    /// <summary>IFA_PROTO: who added the address (0 when the kernel does not say); 73 is IpipTools.</summary>
    public byte Protocol { get; init; }

    /// <summary>Like <c>ip -br addr</c>'s entries: "10.10.100.10 peer 10.10.200.10/32" or "10.10.10.2/24".</summary>
    public override string ToString() =>
        Peer is null ? $"{Address}/{PrefixLength}" : $"{Address} peer {Peer}/{PrefixLength}";
}
