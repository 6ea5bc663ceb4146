using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.DesiredState;
using IpipTools.Core.DesiredState.Apply;
using IpipTools.Core.DesiredState.Data;
using IpipTools.Core.DesiredState.Mesh;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Infrastructure;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Topology;

/// <summary>
/// One node of a Calico-style IPIP mesh in one call: tunl0 up with exactly one /32 address,
/// one onlink route per peer block via that peer's underlay address, each with the mesh's
/// MTU and IpipTools' protocol tag. Routes and addresses the mesh no longer names go;
/// nobody else's are touched. -WhatIf writes the plan.
/// </summary>
[Cmdlet(VerbsCommon.Set, "IpipMesh", SupportsShouldProcess = true)]
[OutputType(typeof(ApplyResult), typeof(TopologyPlan))]
public sealed class SetIpipMeshCommand : NamespacedCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Address { get; set; } = string.Empty;

    /// <summary>The peers as data: a hashtable of block → underlay address (<c>@{ '10.42.2.0/24' = '172.16.165.244' }</c>), or hashtables with Block and Underlay.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    public object? Peer { get; set; }

    [Parameter]
    public int? RouteMtu { get; set; }

    [Parameter]
    public int? DeviceMtu { get; set; }

    [Parameter]
    public uint? Table { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(TunnelNameCompleter))]
    public string Device { get; set; } = "tunl0";

    protected override void ProcessItem()
    {
        var mesh = MeshTopology.Generate(new MeshSpec
        {
            Namespace = TopologyNamespace.Of(Target),
            Device = Device,
            Address = Address,
            Peers = MeshPeers.Read(ObjectDataReader.Read(Peer ?? Array.Empty<object>(), "-Peer", TopologyData.Unwrap)),
            RouteMtu = RouteMtu,
            DeviceMtu = DeviceMtu,
            Table = (RouteTable?)Table ?? RouteTable.Main,
        });
        PlanApproval.ApplyIfApproved(this, TopologyEngine.Plan(mesh, Connections), Connections, given: false);
    }
}
