using System.Management.Automation;
using IpipTools.Core.Rtnl.Neighbors;
using IpipTools.Infrastructure;

namespace IpipTools.Neighbors;

/// <summary>What Add-IpNeighbor and Set-IpNeighbor send beyond the key: the link-layer address, the state (Permanent unless given, as ip neigh's) and the router flag.</summary>
public abstract class NeighborSetCmdlet : NeighborChangeCmdlet
{
    /// <summary>
    /// The neighbour's link-layer address (<c>lladdr</c>): a MAC address on Ethernet, the
    /// peer's underlay IPv4 address on an IPv4 tunnel such as NBMA gre. Its length must be the
    /// device's.
    /// </summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 1, ParameterSetName = PipedNamespaceSet)]
    [Alias("LLAddr", "MacAddress")]
    [BlankIsUnset]
    public string? LinkLayerAddress { get; set; }

    /// <summary>The IPv6 neighbour is a router (<c>router</c>).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("IsRouter")]
    public SwitchParameter Router { get; set; }

    /// <summary>The state to set; a derived cmdlet says where it binds from.</summary>
    protected abstract NeighborState? RequestedState { get; }

    protected override Neighbor Requested() => Key() with
    {
        LinkLayerAddress = LinkLayerAddress,
        State = RequestedState ?? NeighborState.Permanent,
        IsRouter = Router.IsPresent,
    };
}
