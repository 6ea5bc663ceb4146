using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.Json.Serialization;

namespace IpipTools.Core.Rtnl.Addresses;

/// <summary>
/// An address on an interface, the one model of it: what Add-TunnelPeerAddress adds
/// (<c>ip addr add A[/N] [peer P[/N]] dev D</c>), what the kernel reports back, and what a
/// topology declares. For a point-to-point address ("A peer P") the prefix length belongs
/// to the peer and the kernel routes the peer through the device itself.
/// <para>
/// The type is not called Address because its address is: a C# member cannot share its
/// type's name, and <c>$a.Address</c> is what PowerShell users (and pipeline binding) see.
/// The interface is <see cref="InterfaceName"/>; in JSON (saved plans, exported topologies)
/// it is "Device", as it always was.
/// </para>
/// </summary>
public sealed record InterfaceAddress
{
    public InterfaceAddress()
    {
    }

    /// <summary>An address to add or delete; without a prefix length it is the whole address (/32 or /128), as iproute2 does.</summary>
    [SetsRequiredMembers]
    public InterfaceAddress(string interfaceName, IPAddress address, byte? prefixLength = null, IPAddress? peer = null)
    {
        InterfaceName = interfaceName;
        Address = address;
        PrefixLength = prefixLength ?? (byte)AddressFamilies.MaxPrefixLength(address);
        Peer = peer;
    }

    /// <summary>
    /// The interface the address is on. Not "Name": an address has no name of its own, and
    /// piped on it binds -InterfaceName (of Remove-IpAddress, Get-IpRoute, ...), never a link's -Name.
    /// </summary>
    [JsonPropertyName("Device")]
    public required string InterfaceName { get; init; }

    /// <summary>The local address (IFA_LOCAL).</summary>
    public required IPAddress Address { get; init; }

    public required byte PrefixLength { get; init; }

    /// <summary>The far end of a point-to-point address ("A peer B"), when it differs from the local address.</summary>
    public IPAddress? Peer { get; init; }

    /// <summary>
    /// IFA_PROTO: who added the address; <see cref="AddressProtocol.Unspecified"/> sends none.
    /// A number in JSON, as plans saved before it had names wrote it.
    /// </summary>
    [JsonConverter(typeof(JsonNumberEnumConverter<AddressProtocol>))]
    public AddressProtocol Protocol { get; init; }

    /// <summary>The interface index, as read from the kernel (0 for an address not read).</summary>
    [JsonIgnore]
    public int Index { get; init; }

    /// <summary>The namespace it was read in (null for the caller's).</summary>
    [JsonIgnore]
    public string? Namespace { get; init; }

    [JsonIgnore]
    public RouteScope Scope { get; init; }

    [JsonIgnore]
    public string? Label { get; init; }

    /// <summary>IFA_F_* bits: Permanent, Secondary, NoDad, ... (what <c>ip addr</c> lists after the scope).</summary>
    [JsonIgnore]
    public AddressFlags Flags { get; init; }

    /// <summary>What identifies an address on a device (the protocol is who made it, not which it is).</summary>
    [JsonIgnore]
    internal (string Device, IPAddress Address, byte PrefixLength, IPAddress? Peer) Key => (InterfaceName, Address, PrefixLength, Peer);

    /// <summary>Added by IpipTools (IFA_PROTO 73), so pruning may remove it.</summary>
    [JsonIgnore]
    internal bool IsOwned => Protocol == AddressProtocol.IpipTools;

    /// <summary>Like <c>ip -br addr</c>'s entries: "10.10.100.10 peer 10.10.200.10/32" or "10.10.10.2/24".</summary>
    public override string ToString() =>
        Peer is null ? $"{Address}/{PrefixLength}" : $"{Address} peer {Peer}/{PrefixLength}";

    /// <summary>With its device, as <c>ip addr add</c> takes it: "10.10.10.2/24 dev v1".</summary>
    public string Describe() => $"{this} dev {InterfaceName}";
}
