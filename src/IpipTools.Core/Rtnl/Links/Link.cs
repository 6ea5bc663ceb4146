using System.Text.Json.Serialization;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Rtnl.Links;

/// <summary>
/// A network interface: what is asked for when one is created (<see cref="LinkOperations.Add"/>)
/// and what the kernel reports when one is read (<see cref="LinkReader"/>), in one record.
/// Its kind's settings are the typed <see cref="KindParameters"/> (<see cref="IpipParameters"/>,
/// <see cref="VethParameters"/>, ...). On creation, what is left unset is the kernel's choice:
/// index 0, no MTU, no hardware address; what only the kernel knows (state, statistics,
/// device type) is ignored.
/// </summary>
public sealed record Link
{
    public required string Name { get; init; }

    /// <summary>The ifindex. On creation 0 lets the kernel choose; a desired-state rollback gives a re-created link its old one.</summary>
    public int Index { get; init; }

    /// <summary>The namespace the link lives in: its name, its path, or null for the caller's.</summary>
    public string? Namespace { get; init; }

    /// <summary>IFLA_INFO_KIND ("veth", "bridge", "ipip", ...); null for loopback and physical devices.</summary>
    public string? Kind => KindParameters?.Kind;

    /// <summary>The kind's typed parameters (<see cref="UnknownKindParameters"/> for a kind IpipTools has no driver for).</summary>
    public LinkKindParameters? KindParameters { get; init; }

    /// <summary>The MTU; on creation null leaves the kernel's choice (for ipip: underlay minus 20).</summary>
    public int? Mtu { get; init; }

    public LinkFlags Flags { get; init; }

    /// <summary>Administratively up (IFF_UP); on creation, bring the link up right away.</summary>
    public bool IsUp
    {
        get => Flags.HasFlag(LinkFlags.Up);
        init => Flags = value ? Flags | LinkFlags.Up : Flags & ~LinkFlags.Up;
    }

    public OperationalState OperationalState { get; init; }

    /// <summary>The link-layer type (ARPHRD_*), by the name <c>ip link</c> gives it: Ether, Loopback, Ipip, Sit, Gre, None.</summary>
    public DeviceType DeviceType { get; init; }

    /// <summary>
    /// Link-layer address: "aa:bb:cc:dd:ee:ff" for Ethernet, the local IPv4 address for ipip.
    /// On creation (veth, bridge) an Ethernet address in that form; null lets the kernel choose.
    /// </summary>
    public string? HardwareAddress { get; init; }

    /// <summary>
    /// IFLA_LINK, what <c>ip link</c> shows after the name's "@": the index of the link this
    /// one is tied to, which is a veth's peer, or the lower device of a tunnel or VLAN; 0 for
    /// none. Not a parent: a veth's two ends name each other. A veth read by the cmdlets
    /// carries its peer by name too (<see cref="Kinds.VethParameters"/>, <see cref="LinkOperations.WithVethPeers"/>).
    /// "ParentIndex" in saved plans, as it always was.
    /// </summary>
    [JsonPropertyName("ParentIndex")]
    public int LinkedIndex { get; init; }

    /// <summary>
    /// IFLA_LINK_NETNSID: when set, <see cref="LinkedIndex"/> is an index in another
    /// namespace, which this one knows by this id (ip's "link-netnsid"), e.g. a veth whose
    /// peer was put elsewhere; null when the linked device is beside this one.
    /// </summary>
    [JsonPropertyName("ParentNamespaceId")]
    public int? LinkedNamespaceId { get; init; }

    /// <summary>
    /// A veth end's peer by name, as the cmdlets read it (<see cref="VethParameters.PeerName"/>,
    /// here so that views and remoting, which keep only the top level of an object, show it);
    /// null for other kinds and for a peer in a namespace that has no name.
    /// </summary>
    [JsonIgnore]
    public string? PeerName => (KindParameters as VethParameters)?.PeerName;

    /// <summary>
    /// The namespace a veth end's peer is in, by name (or path). A peer beside an end read in
    /// the caller's namespace is where the end is: it says <see cref="Namespace"/>, null as that
    /// is, which Invoke-NetNamespaceCommand and the views read as "where it was read". Null
    /// too for other kinds and an unknown peer (<see cref="PeerName"/> null).
    /// </summary>
    [JsonIgnore]
    public string? PeerNamespace => (KindParameters as VethParameters)?.PeerNamespace is { } peer
        ? peer.IsCallerNamespace ? Namespace : peer.ToString()
        : null;

    /// <summary>The bridge (or other master) this link is enslaved to, as the kernel reports it; 0 for none.</summary>
    public int MasterIndex { get; init; }

    /// <summary>
    /// On creation: the name of a bridge to enslave the new link to. Read links carry
    /// <see cref="MasterIndex"/>, and this name where the reader looked it up (<see cref="LinkOperations.WithMasterNames"/>).
    /// </summary>
    public string? Master { get; init; }

    /// <summary>IFLA_IFALIAS, a free-text label; the desired-state engine marks what it owns with it.</summary>
    public string? Alias { get; init; }

    public LinkStatistics Statistics { get; init; } = LinkStatistics.Empty;

    /// <summary>A link of kind <paramref name="parameters"/> to create, named <paramref name="name"/>.</summary>
    public static Link Of(string name, LinkKindParameters parameters) => new() { Name = name, KindParameters = parameters };

    /// <summary>This link if it is of kind <paramref name="kind"/>; otherwise an error that says what it is.</summary>
    public Link RequireKind(string kind) => Kind == kind ? this : throw new IpipToolsException(
        $"Link '{Name}' is {Wording.WithArticle(Kind ?? "device without a kind")}, not {Wording.WithArticle(kind)}.",
        "LinkKindMismatch", IpipErrorCategory.InvalidArgument, $"Give the name of {Wording.WithArticle(kind)} link (Get-NetLink lists them with their kinds).", Name);

    /// <summary>Like <c>ip -br link</c>: name, state, address, flags.</summary>
    public override string ToString() =>
        $"{Name,-16} {OperationalStateText(OperationalState),-14} {HardwareAddress ?? string.Empty,-17} <{Flags.ToIpString()}>";

    internal static string OperationalStateText(OperationalState state) => state switch
    {
        OperationalState.LowerLayerDown => "LOWERLAYERDOWN",
        OperationalState.NotPresent => "NOTPRESENT",
        _ => state.ToString().ToUpperInvariant(),
    };
}
