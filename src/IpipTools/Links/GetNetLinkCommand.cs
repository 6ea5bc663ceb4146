using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Infrastructure;

namespace IpipTools.Links;

/// <summary><c>ip link show</c>: every link of a namespace, by name or wildcard and by kind.</summary>
[Cmdlet(VerbsCommon.Get, "NetLink")]
[OutputType(typeof(Link))]
public sealed class GetNetLinkCommand : NamespacedCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string? Name { get; set; }

    /// <summary>Only links of this kind ("veth", "bridge", "ipip").</summary>
    [Parameter]
    public string? Kind { get; set; }

    protected override void ProcessItem() => WriteEach(Read(Client(Target).Links, Name, Kind, Client));

    /// <summary>
    /// The links whose names match <paramref name="name"/> (an exact name must exist) and, with
    /// <paramref name="kind"/>, of that kind (an exact name of another kind is an error),
    /// each with the names of its master and, for a veth end, of its peer.
    /// </summary>
    private static IReadOnlyList<Link> Read(LinkOperations links, string? name, string? kind, Func<NetNamespace, RtnetlinkClient> connect)
    {
        var filter = NameFilter.Of(name);
        if (filter.ExactName is { } exact)
        {
            var link = links.Get(exact);
            return links.WithNames(new[] { kind is null ? link : link.RequireKind(kind) }, connect);
        }

        var all = links.List();
        return links.WithNames(all.Where(l => filter.Matches(l.Name) && (kind is null || l.Kind == kind)).ToList(), connect, all);
    }
}
