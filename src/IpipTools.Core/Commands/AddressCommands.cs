using System.Net;
using IpipTools.Core.DesiredState;
using IpipTools.Core.Model;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;

namespace IpipTools.Core.Commands;

/// <summary>
/// The address cmdlets' operations (Add/Get/Remove-TunnelPeerAddress): <c>ip addr add
/// A peer P dev D</c> on a tunnel, or a plain <c>A/N</c> on any interface.
/// </summary>
public static class AddressCommands
{
    /// <summary>Without a prefix length an address with a peer is /32 (as iproute2 does) and so is a plain one.</summary>
    public static AddressSpec Spec(string device, IPAddress address, byte? prefixLength, IPAddress? peer) =>
        new(device, address, prefixLength, peer);

    public static ChangeDescription DescribeAdd(NetNamespace target, AddressSpec spec) =>
        new($"interface '{spec.Device}' {ChangeDescription.Where(target)}", $"Add address {spec.Address}{(spec.Peer is null ? string.Empty : $" peer {spec.Peer}")}/{spec.EffectivePrefixLength}");

    /// <summary>Adds the address with IpipTools' mark (IFA_PROTO <see cref="Ownership.AddressProtocol"/>), like everything IpipTools creates.</summary>
    public static InterfaceAddress Add(NetNamespace target, AddressSpec spec)
    {
        using var client = RtnetlinkClient.Open(target);
        return client.Addresses.Add(spec with { Protocol = Ownership.AddressProtocol });
    }

    /// <summary>The addresses of one interface (or all, or a wildcard), optionally only one address or only those with a peer.</summary>
    public static IReadOnlyList<InterfaceAddress> Get(NetNamespace target, string? device = null, IPAddress? address = null, bool peerOnly = false)
    {
        var pattern = NamePattern.Of(device);
        using var client = RtnetlinkClient.Open(target);
        return client.Addresses.List(pattern.IsExact ? pattern.Text : null)
            .Where(a => pattern.Matches(a.Name) && (address is null || a.Address.Equals(address)) && (!peerOnly || a.Peer is not null))
            .ToList();
    }

    public static ChangeDescription DescribeRemove(NetNamespace target, AddressSpec spec) =>
        new($"interface '{spec.Device}' {ChangeDescription.Where(target)}", $"Remove address {spec.Address}{(spec.Peer is null ? string.Empty : $" peer {spec.Peer}")}/{spec.EffectivePrefixLength}");

    public static void Remove(NetNamespace target, AddressSpec spec)
    {
        using var client = RtnetlinkClient.Open(target);
        client.Addresses.Delete(spec);
    }
}
