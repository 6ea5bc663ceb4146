using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.DesiredState;
using IpipTools.Infrastructure;

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
        var plan = TopologyCommands.PlanMesh(new MeshRequest
        {
            Namespace = Target,
            Address = Address,
            Peers = Peer,
            Device = Device,
            RouteMtu = RouteMtu,
            DeviceMtu = DeviceMtu,
            Table = Table,
            Unwrap = TopologyData.Unwrap,
        });
        if (Approve(TopologyCommands.DescribeApply(plan)))
        {
            WriteObject(TopologyCommands.ApplyFresh(plan, WriteVerbose));
        }
        else
        {
            WriteObject(plan);
        }
    }
}
