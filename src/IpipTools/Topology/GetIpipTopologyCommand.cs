using System.Collections.Specialized;
using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.DesiredState;
using IpipTools.Infrastructure;

namespace IpipTools.Topology;

/// <summary>
/// Writes the state of one or more namespaces as topology data that Set-IpipTopology
/// accepts: an ordered hashtable, or with -AsText the text of a .psd1 file.
/// </summary>
[Cmdlet(VerbsCommon.Get, "IpipTopology")]
[OutputType(typeof(OrderedDictionary), typeof(string))]
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

    protected override void ProcessItem() =>
        WriteObject(TopologyCommands.Export(Session, NetNamespace, OwnedOnly.IsPresent, AsText.IsPresent));
}
