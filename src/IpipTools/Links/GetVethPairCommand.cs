using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Commands;
using IpipTools.Core.Model;
using IpipTools.Infrastructure;

namespace IpipTools.Links;

/// <summary><c>ip link show type veth</c>: the veth ends in a namespace.</summary>
[Cmdlet(VerbsCommon.Get, "VethPair")]
[OutputType(typeof(NetworkLink))]
public sealed class GetVethPairCommand : NamespacedCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(VethNameCompleter))]
    public string? Name { get; set; }

    protected override void ProcessItem() => WriteEach(LinkCommands.GetVeth(Target, Name));
}
