using System.Management.Automation;
using IpipTools.Core.DesiredState.Apply;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.Diagnostics;
using IpipTools.Core.Errors;
using IpipTools.Core.Fixtures;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.BridgeFdb;
using IpipTools.Core.Rtnl.Neighbors;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.Rtnl.Rules;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Core.Xfrm;
using IpipTools.Topology;
using IpipTools.Topology.Hosts;

namespace IpipTools.Infrastructure;

/// <summary>
/// Keeps a cmdlet that changes or removes something from acting on an object of another kind
/// that happens to bind its parameters. PowerShell binds by property name whatever has the
/// property: an address's Name (its interface) binds Remove-NetLink's -Name, a link's Name
/// binds Remove-NetNamespace's. So each such cmdlet says which of the module's objects it acts
/// on (<see cref="ModuleObjects"/>), and any other object the module writes is refused before
/// anything is asked or sent, naming its type and the cmdlet that fits it.
/// <para>
/// An object is recognised by its type, or by the type name a deserialized copy keeps
/// (<c>Deserialized.</c> plus it: what -ScriptBlock, jobs and remoting return). Strings and
/// objects the module did not write (CSV rows, custom objects) bind by their properties as
/// before, unless their properties are unmistakably a route's (Destination, or NetTCPIP's
/// DestinationPrefix) or an address's (Address or NetTCPIP's IPAddress, with PrefixLength),
/// the rows Export-Csv makes of those here and on Windows.
/// </para>
/// </summary>
public static class PipedObjectGuard
{
    private const string DeserializedPrefix = "Deserialized.";

    /// <summary>One kind of module object: its words, and the cmdlets that read, remove and change it.</summary>
    private sealed record Kind(ModuleObjects Flag, string Noun, string Plural, string? Reader, string? Remover, string? Changer);

    private static readonly Kind LinkKind = new(ModuleObjects.Link, "link", "links", "Get-NetLink", "Remove-NetLink", "Set-NetLink");
    private static readonly Kind TunnelKind = new(ModuleObjects.Tunnel, "tunnel", "tunnels", "Get-IpTunnel", "Remove-IpTunnel", "Set-IpTunnel");
    private static readonly Kind AddressKind = new(ModuleObjects.Address, "address", "addresses", "Get-IpAddress", "Remove-IpAddress", null);
    private static readonly Kind RouteKind = new(ModuleObjects.Route, "route", "routes", "Get-IpRoute", "Remove-IpRoute", null);
    private static readonly Kind NamespaceKind = new(ModuleObjects.Namespace, "network namespace", "network namespaces", "Get-NetNamespace", "Remove-NetNamespace", null);
    private static readonly Kind ForwardingKind = new(ModuleObjects.Forwarding, "forwarding state", "forwarding states", "Get-IpForwarding", null, "Enable-IpForwarding or Disable-IpForwarding");
    private static readonly Kind FixtureKind = new(ModuleObjects.Fixture, "fixture", "fixtures", null, "Remove-NetNamespaceFixture", null);
    private static readonly Kind PlanKind = new(ModuleObjects.Plan, "topology plan", "topology plans", "Set-IpipTopology -WhatIf", null, "Set-IpipTopology");
    private static readonly Kind TopologyKind = new(ModuleObjects.Topology, "topology", "topologies", "Get-IpipTopology", null, "Set-IpipTopology");
    private static readonly Kind RuleKind = new(ModuleObjects.Rule, "rule", "rules", "Get-IpRule", "Remove-IpRule", null);
    private static readonly Kind NeighborKind = new(ModuleObjects.Neighbor, "neighbour entry", "neighbour entries", "Get-IpNeighbor", "Remove-IpNeighbor", "Set-IpNeighbor");
    private static readonly Kind BridgeFdbKind = new(ModuleObjects.BridgeFdbEntry, "bridge FDB entry", "bridge FDB entries", "Get-BridgeFdbEntry", "Remove-BridgeFdbEntry", null);
    private static readonly Kind XfrmStateKind = new(ModuleObjects.XfrmState, "xfrm state", "xfrm states", "Get-XfrmState", "Remove-XfrmState", "Set-XfrmState");
    private static readonly Kind XfrmPolicyKind = new(ModuleObjects.XfrmPolicy, "xfrm policy", "xfrm policies", "Get-XfrmPolicy", "Remove-XfrmPolicy", "Set-XfrmPolicy");
    private static readonly Kind ReportKind = new(ModuleObjects.Report, "report", "reports", null, null, null);

    private static readonly Kind[] Kinds = { LinkKind, TunnelKind, AddressKind, RouteKind, NamespaceKind, ForwardingKind, FixtureKind, PlanKind, TopologyKind, RuleKind, NeighborKind, BridgeFdbKind, XfrmStateKind, XfrmPolicyKind, ReportKind };

    private static readonly Dictionary<string, Kind> ByTypeName = new(StringComparer.Ordinal)
    {
        [typeof(Link).FullName!] = LinkKind,
        [typeof(IpTunnel).FullName!] = TunnelKind,
        [typeof(InterfaceAddress).FullName!] = AddressKind,
        [typeof(Route).FullName!] = RouteKind,
        [typeof(NetNamespace).FullName!] = NamespaceKind,
        [typeof(ForwardingState).FullName!] = ForwardingKind,
        [typeof(NetworkFixture).FullName!] = FixtureKind,
        [typeof(TopologyPlan).FullName!] = PlanKind,
        [typeof(HostPlan).FullName!] = PlanKind,
        [typeof(ExportedTopology).FullName!] = TopologyKind,
        [typeof(Rule).FullName!] = RuleKind,
        [typeof(Neighbor).FullName!] = NeighborKind,
        [typeof(BridgeFdbEntry).FullName!] = BridgeFdbKind,
        [typeof(XfrmState).FullName!] = XfrmStateKind,
        [typeof(XfrmPolicy).FullName!] = XfrmPolicyKind,
        [typeof(SupportCheck).FullName!] = ReportKind,
        [typeof(NamespaceCommandResult).FullName!] = ReportKind,
        [typeof(ApplyResult).FullName!] = ReportKind,
        [typeof(HostResult).FullName!] = ReportKind,
    };

    /// <summary>
    /// Refuses <paramref name="item"/>, piped into <paramref name="cmdlet"/>, when it is a module
    /// object of a kind outside <paramref name="actsOn"/>. Null (nothing piped) passes.
    /// </summary>
    public static void Require(PSObject? item, ModuleObjects actsOn, string cmdlet)
    {
        if (item is null || Accepts(item, actsOn) || KindOf(item) is not { } kind)
        {
            return;
        }

        var takes = Kinds.Where(k => (k.Flag & actsOn) != 0).ToList();
        var readers = takes.Where(k => k.Reader is not null).Select(k => k.Reader!).ToList();
        throw new IpipToolsException(
            $"{cmdlet} acts on {Words(takes.Select(k => k.Plural))}; {Article(kind.Noun)} {kind.Noun} was piped in ({TypeOf(item)} '{Text(item)}'), and nothing was changed.",
            "PipedObjectNotAccepted",
            IpipErrorCategory.InvalidArgument,
            $"{Fitting(kind, Verb(cmdlet))} {cmdlet} takes what {Words(readers)} {(readers.Count == 1 ? "writes" : "write")}.",
            item.BaseObject);
    }

    /// <summary>Whether a cmdlet acting on <paramref name="actsOn"/> takes <paramref name="item"/>: an object of one of those kinds, or anything that is no module object.</summary>
    public static bool Accepts(PSObject item, ModuleObjects actsOn) => KindOf(item) is not { } kind || (kind.Flag & actsOn) != 0;

    /// <summary>
    /// For a cmdlet that acts on a namespace as a whole and has no name of its own to bind
    /// (Disable-IpForwarding, Set-IpipMesh): refuses a piped string or object that carries no
    /// Namespace property, which would otherwise bind nothing and leave the cmdlet acting on the
    /// session's default namespace. Module objects were checked by <see cref="Require"/>.
    /// </summary>
    public static void RequireNamespaceNamed(PSObject? item, string cmdlet)
    {
        if (item is null || item.Properties["Namespace"] is not null || item.Properties[IpipCmdlet.NamespaceParameter] is not null)
        {
            return;
        }

        throw new IpipToolsException(
            $"{cmdlet} acts on a network namespace, and what was piped in names none ('{item}' has no Namespace property); nothing was changed.",
            "PipedObjectNamesNoNamespace",
            IpipErrorCategory.InvalidArgument,
            $"Pipe the namespaces Get-NetNamespace writes (Get-NetNamespace 'lab*' | {cmdlet}), or give -{IpipCmdlet.NamespaceParameter}.",
            item.BaseObject);
    }

    /// <summary>The kind of module object <paramref name="item"/> is; null for anything else (a string, a row, a custom object).</summary>
    private static Kind? KindOf(PSObject item)
    {
        foreach (var name in item.TypeNames)
        {
            var plain = name.StartsWith(DeserializedPrefix, StringComparison.Ordinal) ? name[DeserializedPrefix.Length..] : name;
            if (ByTypeName.TryGetValue(plain, out var kind))
            {
                return kind;
            }
        }

        if (item.BaseObject is string)
        {
            return null;
        }

        // NetTCPIP's names too (DestinationPrefix; IPAddress), which the route and address cmdlets bind through their aliases.
        if (item.Properties["Destination"] is not null || item.Properties["DestinationPrefix"] is not null)
        {
            return RouteKind;
        }

        return (item.Properties["Address"] is not null || item.Properties["IPAddress"] is not null) && item.Properties["PrefixLength"] is not null ? AddressKind : null;
    }

    /// <summary>The sentence that points at the cmdlet fitting the object for what was meant.</summary>
    private static string Fitting(Kind kind, string verb)
    {
        var fitting = verb == VerbsCommon.Remove ? kind.Remover : kind.Changer;
        if (fitting is not null)
        {
            return $"To {(verb == VerbsCommon.Remove ? "remove" : "change")} the {kind.Noun}, pipe it to {fitting}.";
        }

        if (kind.Changer is not null)
        {
            return $"{Capitalised(kind.Plural)} are not removed but changed: pipe it to {kind.Changer}.";
        }

        return kind.Remover is not null
            ? $"{Capitalised(kind.Plural)} are not changed in place: {kind.Remover} removes one."
            : $"No cmdlet {(verb == VerbsCommon.Remove ? "removes" : "changes")} {Article(kind.Noun)} {kind.Noun}.";
    }

    /// <summary>The object's type as a user knows it: its short name, marked when it is a deserialized copy.</summary>
    private static string TypeOf(PSObject item)
    {
        var name = item.TypeNames.Count > 0 ? item.TypeNames[0] : item.BaseObject.GetType().FullName ?? "object";
        var deserialized = name.StartsWith(DeserializedPrefix, StringComparison.Ordinal);
        var shortName = name[(name.LastIndexOf('.') + 1)..];
        return deserialized ? $"deserialized {shortName}" : shortName;
    }

    /// <summary>The object's text on one line (a link's has columns).</summary>
    private static string Text(PSObject item) => string.Join(' ', item.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Verb(string cmdlet) => cmdlet.Split('-')[0];

    /// <summary>"an" before a vowel sound: a vowel, or xfrm (said "ex-frm").</summary>
    private static string Article(string noun) => "aeiou".Contains(noun[0]) || noun.StartsWith("xfrm", StringComparison.Ordinal) ? "an" : "a";

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Words(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}";
    }
}
