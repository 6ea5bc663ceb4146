using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Commands;
using IpipTools.Core.Model;
using IpipTools.Infrastructure;

namespace IpipTools.Links;

/// <summary><c>ip link show</c>: every link of a namespace, by name or wildcard and by kind.</summary>
[Cmdlet(VerbsCommon.Get, "NetLink")]
[OutputType(typeof(NetworkLink))]
public sealed class GetNetLinkCommand : NamespacedCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string? Name { get; set; }

    /// <summary>Only links of this kind ("veth", "bridge", "ipip").</summary>
    [Parameter]
    public string? Kind { get; set; }

    protected override void ProcessItem() => WriteEach(LinkCommands.Get(Target, Name, Kind));
}
