using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.DesiredState;
using IpipTools.Core.DesiredState.Export;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Topology;

/// <summary>
/// Writes the state of one or more namespaces as topology data that Set-IpipTopology
/// accepts: an ordered hashtable (<see cref="ExportedTopology"/>, shown as the text of a .psd1
/// file), or with -AsText that text itself.
/// </summary>
[Cmdlet(VerbsCommon.Get, "IpipTopology")]
[OutputType(typeof(ExportedTopology), typeof(string))]
public sealed class GetIpipTopologyCommand : IpipCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Namespace")]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string[]? NetNamespace { get; set; }

    [Parameter]
    public SwitchParameter OwnedOnly { get; set; }

    [Parameter]
    public SwitchParameter AsText { get; set; }

    /// <summary>
    /// Every namespace must exist: the state reader reports a missing one as absent, which
    /// exports as an empty topology, a quiet answer to what is almost always a typo.
    /// </summary>
    protected override void ProcessItem()
    {
        var session = NamespaceSession.For(Session);
        var names = (NetNamespace ?? new string?[] { null }).DefaultIfEmpty(null)
            .Select(n => TopologyNamespace.Of(session.Resolve(n).MustExist()))
            .ToList();
        var topology = TopologyExporter.Export(TopologyEngine.Read(names, Clients), new ExportOptions { OwnedOnly = OwnedOnly.IsPresent });
        WriteObject(AsText.IsPresent ? TopologyWriter.ToPowerShellData(topology) : new ExportedTopology(TopologyWriter.ToData(topology)));
    }
}
