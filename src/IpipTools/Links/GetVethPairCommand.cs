using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Infrastructure;

namespace IpipTools.Links;

/// <summary><c>ip link show type veth</c>: the veth ends in a namespace, each with its peer's name and namespace.</summary>
[Cmdlet(VerbsCommon.Get, "VethPair")]
[OutputType(typeof(Link))]
public sealed class GetVethPairCommand : NamespacedCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(VethNameCompleter))]
    public string? Name { get; set; }

    protected override void ProcessItem()
    {
        var links = Connection(Target).Links;
        WriteEach(links.WithVethPeers(GetNetLinkCommand.Read(links, Name, VethKind), Connection));
    }

    /// <summary>The kind name of a veth end, as its driver knows it.</summary>
    internal static readonly string VethKind = LinkKindRegistry.KindOf<VethParameters>();
}
