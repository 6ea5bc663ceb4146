using System.Text.Json.Serialization;
namespace IpipTools.Core.DesiredState;

/// <summary>
/// An IPv4 address on a link: "10.10.10.2/24", or point-to-point "10.10.100.10 peer
/// 10.10.200.10/32" (the prefix length then belongs to the peer). Desired addresses get
/// <see cref="Ownership.Protocol"/>; read ones carry whatever IFA_PROTO the kernel reports.
/// </summary>
public sealed record AddressConfig
{
    public required string Device { get; init; }

    public required string Address { get; init; }

    public byte PrefixLength { get; init; } = 32;

    public string? Peer { get; init; }

    public byte Protocol { get; init; }

    /// <summary>What identifies an address on a device (the protocol is who made it, not which it is).</summary>
    [JsonIgnore]
    public (string Device, string Address, byte PrefixLength, string? Peer) Key => (Device, Address, PrefixLength, Peer);

    [JsonIgnore]
    public bool IsOwned => Protocol == Ownership.AddressProtocol;

    public override string ToString() =>
        Peer is null ? $"{Address}/{PrefixLength} dev {Device}" : $"{Address} peer {Peer}/{PrefixLength} dev {Device}";
}
