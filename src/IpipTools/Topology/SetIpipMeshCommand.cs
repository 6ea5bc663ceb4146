using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.DesiredState;
using IpipTools.Core.DesiredState.Apply;
using IpipTools.Core.DesiredState.Data;
using IpipTools.Core.DesiredState.Mesh;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.Errors;
using IpipTools.Infrastructure;
using IpipTools.Core.DesiredState.Topologies;
using IpipTools.Topology.Hosts;

namespace IpipTools.Topology;

/// <summary>
/// One node of a Calico-style IPIP mesh in one call: tunl0 up with exactly one /32 address,
/// one onlink route per peer block via that peer's underlay address, each with the mesh's
/// MTU and IpipTools' protocol tag. Routes and addresses the mesh no longer names go;
/// nobody else's are touched. -WhatIf writes the plan.
/// </summary>
[Cmdlet(VerbsCommon.Set, "IpipMesh", SupportsShouldProcess = true, DefaultParameterSetName = LocalSet)]
[OutputType(typeof(ApplyResult), typeof(TopologyPlan), typeof(HostResult), typeof(HostPlan))]
public sealed class SetIpipMeshCommand : NamespacedCmdlet
{
    public const string LocalSet = "Local";
    public const string NodesSet = "Nodes";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = LocalSet)]
    public string Address { get; set; } = string.Empty;

    /// <summary>The peers as data: a hashtable of block → underlay address (<c>@{ '10.42.2.0/24' = '172.16.165.244' }</c>), or hashtables with Block and Underlay.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = LocalSet)]
    public object? Peer { get; set; }

    /// <summary>
    /// The whole mesh as one list of nodes, each on its own host: hashtables with Block,
    /// Underlay and HostName (and Address, by default the block's first address). Each node is
    /// converged on its host, over PowerShell remoting, with every other node as its peer.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = NodesSet)]
    public object[]? Node { get; set; }

    /// <summary>Sessions to the nodes' hosts, matched by ComputerName (or Name); the other hosts get a session over SSH.</summary>
    [Parameter(ParameterSetName = NodesSet)]
    // -Session is PowerShell's name for remoting sessions (Invoke-Command -Session); it hides
    // IpipCmdlet's static Session (the key of the namespace stack), which these cmdlets do not use.
    public new System.Management.Automation.Runspaces.PSSession[]? Session { get; set; }

    [Parameter(ParameterSetName = NodesSet)]
    public string? UserName { get; set; }

    [Parameter(ParameterSetName = NodesSet)]
    public string? KeyFilePath { get; set; }

    [Parameter(ParameterSetName = NodesSet)]
    public System.Collections.Hashtable? SshOption { get; set; }

    /// <summary>How many nodes are planned and applied at once (as Invoke-Command's: 0 means the default, 32).</summary>
    [Parameter(ParameterSetName = NodesSet)]
    [ValidateRange(0, int.MaxValue)]
    public int ThrottleLimit { get; set; }

    /// <summary>Runs the mesh over its nodes as a background job (Get-Job, Receive-Job), and writes the job.</summary>
    [Parameter(ParameterSetName = NodesSet)]
    public SwitchParameter AsJob { get; set; }

    [Parameter]
    public int? RouteMtu { get; set; }

    [Parameter]
    public int? DeviceMtu { get; set; }

    [Parameter]
    public uint? Table { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(TunnelNameCompleter))]
    public string Device { get; set; } = "tunl0";

    /// <summary>The piped object as it came, so that only what names a namespace is taken (<see cref="PipedObjectGuard"/>).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputItem { get; set; }

    protected override PSObject? PipedObject => InputItem;

    protected override ModuleObjects? PipedObjectsActedOn => ModuleObjects.Namespace | ModuleObjects.Fixture;

    protected override void ProcessItem()
    {
        PipedObjectGuard.RequireNamespaceNamed(InputItem, MyInvocation.MyCommand.Name);
        if (Node is not null)
        {
            ConvergeNodes(Node);
            return;
        }

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
        PlanApproval.ApplyIfApproved(this, TopologyEngine.Plan(mesh, Clients), Clients, given: false);
    }

    /// <summary>Each node's Set-IpipMesh, run on its host: the same parameters but for its own address and peers.</summary>
    private void ConvergeNodes(object[] nodes)
    {
        if (MyInvocation.BoundParameters.ContainsKey(NamespaceParameter))
        {
            throw new IpipToolsException("-NetNamespace cannot be used with -Node.", "MeshNodesNamespace", IpipErrorCategory.InvalidArgument,
                "Leave -NetNamespace out: each node is meshed in its host's own namespace (the one its PowerShell session runs in).");
        }

        var all = MeshNodes.Read(nodes);
        var work = all.Select(node =>
        {
            var mesh = new System.Collections.Hashtable { ["Address"] = node.Address, ["Peer"] = MeshNodes.PeersOf(node, all), ["Device"] = Device };
            if (RouteMtu is { } routeMtu) { mesh["RouteMtu"] = routeMtu; }
            if (DeviceMtu is { } deviceMtu) { mesh["DeviceMtu"] = deviceMtu; }
            if (Table is { } table) { mesh["Table"] = table; }
            return new HostWork(node.HostName, new object?[] { mesh });
        }).ToList();
        if (!ManyHostJob.StartIfAsked(this, AsJob.IsPresent))
        {
            new ManyHostConvergence(this, new HostAccess(Session ?? Array.Empty<System.Management.Automation.Runspaces.PSSession>(), UserName, KeyFilePath, SshOption), ThrottleLimit)
                .Converge(work, RemoteScripts.PlanMesh);
        }
    }
}
