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
        // One dump serves both the ends and the names of peers beside them.
        var links = Client(Target).Links;
        var all = links.List();
        var filter = NameFilter.Of(Name);
        IReadOnlyList<Link> ends = filter.ExactName is { } exact
            ? new[] { (all.FirstOrDefault(l => l.Name == exact) ?? links.Get(exact)).RequireKind(VethKind) }
            : all.Where(l => l.Kind == VethKind && filter.Matches(l.Name)).ToList();
        WriteEach(links.WithNames(ends, Client, all).Select(VethEndView.Of));
    }

    /// <summary>The kind name of a veth end, as its driver knows it.</summary>
    internal static readonly string VethKind = LinkKindRegistry.KindOf<VethParameters>();
}
