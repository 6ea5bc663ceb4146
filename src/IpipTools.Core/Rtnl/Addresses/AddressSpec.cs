using System.Net;

namespace IpipTools.Core.Rtnl.Addresses;

/// <summary>
/// An address to add or delete: <c>ip addr add ADDRESS/PREFIX [peer PEER] dev DEVICE</c>.
/// With a peer, the prefix length applies to the peer (default 32), and the kernel
/// adds the route to the peer itself.
/// </summary>
public sealed record AddressSpec(string Device, IPAddress Address, byte? PrefixLength = null, IPAddress? Peer = null)
{
    public string? Label { get; init; }

    public RouteScope? Scope { get; init; }

    /// <summary>IFA_PROTO: who adds the address (IpipTools' desired state uses 73); null sends none. Kernels before 6.1 ignore it.</summary>
    public byte? Protocol { get; init; }

    /// <summary>The prefix length to send: given, or the whole address (32 for IPv4, 128 for IPv6).</summary>
    public byte EffectivePrefixLength => PrefixLength ?? (byte)(Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);

    public override string ToString() =>
        Peer is null ? $"{Address}/{EffectivePrefixLength} dev {Device}" : $"{Address} peer {Peer}/{EffectivePrefixLength} dev {Device}";
}
