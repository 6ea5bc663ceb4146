using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Infrastructure;

namespace IpipTools.Tunnels;

/// <summary>
/// <c>ip tunnel change</c> and <c>ip link set NAME up|down|mtu N</c> on an ipip tunnel; a
/// setting not given is left as it is. The parameter changes go as one complete parameter set
/// (see <see cref="TunnelOperations.Modify{TParameters}"/>), then the MTU, then the state, so a
/// tunnel brought up already has its final settings.
/// </summary>
[Cmdlet(VerbsCommon.Set, "IpipTunnel", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true)]
[OutputType(typeof(IpTunnel))]
public sealed class SetIpipTunnelCommand : PipedNamespaceCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [ArgumentCompleter(typeof(TunnelNameCompleter))]
    public string Name { get; set; } = string.Empty;

    [Parameter]
    public IPAddress? Remote { get; set; }

    [Parameter]
    public IPAddress? Local { get; set; }

    /// <summary>"inherit" or 1..255.</summary>
    [Parameter]
    public string? Ttl { get; set; }

    /// <summary>"inherit" or hexadecimal 00..ff.</summary>
    [Parameter]
    public string? Tos { get; set; }

    [Parameter]
    public bool? PathMtuDiscovery { get; set; }

    [Parameter]
    public int? Mtu { get; set; }

    [Parameter]
    public SwitchParameter Up { get; set; }

    [Parameter]
    public SwitchParameter Down { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessItem()
    {
        RequireGiven(nameof(Name), "tunnel");
        var target = Target;
        var up = AdminState();
        var ttl = Ttl is null ? (byte?)null : Ipv4TunnelParameters.ParseTtl(Ttl);
        var tos = Tos is null ? (byte?)null : Ipv4TunnelParameters.ParseTos(Tos);
        var words = SettingWords(Remote, Local, Ttl, Tos, Mtu, PathMtuDiscovery);
        if (up is bool state)
        {
            words.Add(state ? "up" : "down");
        }

        if (!ShouldProcess($"tunnel '{Name}' {target.Describe()}", $"Set {(words.Count == 0 ? "nothing" : string.Join(" ", words))}"))
        {
            return;
        }

        var client = Connection(target);
        var tunnel = Local is not null || Remote is not null || ttl is not null || tos is not null || PathMtuDiscovery is not null
            ? client.Tunnels.Modify<IpipParameters>(Name, current => current with
            {
                Local = Local ?? current.Local,
                Remote = Remote ?? current.Remote,
                Ttl = ttl ?? current.Ttl,
                Tos = tos ?? current.Tos,
                PathMtuDiscovery = PathMtuDiscovery ?? current.PathMtuDiscovery,
            })
            : client.Tunnels.Get(Name);
        if (Mtu is int mtu)
        {
            client.Links.SetMtu(Name, mtu);
        }

        if (up is bool upNow)
        {
            client.Links.SetUp(Name, upNow);
        }

        // Modify and Get have read the tunnel back; only a change after them needs another read.
        if (PassThru.IsPresent)
        {
            WriteObject(Mtu is null && up is null ? tunnel : client.Tunnels.Get(Name));
        }
    }

    /// <summary>The given tunnel settings in <c>ip tunnel</c>'s words: "remote 10.10.20.2 local 10.10.10.2 ttl 64".</summary>
    internal static List<string> SettingWords(IPAddress? remote, IPAddress? local, string? ttl, string? tos, int? mtu, bool? pathMtuDiscovery)
    {
        var words = new List<string>();
        foreach (var (key, value) in new (string, object?)[] { ("remote", remote), ("local", local), ("ttl", ttl), ("tos", tos), ("mtu", mtu) })
        {
            if (value is not null)
            {
                words.Add($"{key} {value}");
            }
        }

        if (pathMtuDiscovery is bool pmtu)
        {
            words.Add(pmtu ? "pmtudisc" : "nopmtudisc");
        }

        return words;
    }

    /// <summary>The -Up and -Down switches as one setting; both at once is refused.</summary>
    private bool? AdminState() => (Up.IsPresent, Down.IsPresent) switch
    {
        (true, true) => throw new IpipToolsException("-Up and -Down were both given.", "ConflictingLinkState",
            IpipErrorCategory.InvalidArgument, "Give one of -Up and -Down."),
        (true, false) => true,
        (false, true) => false,
        _ => null,
    };
}
