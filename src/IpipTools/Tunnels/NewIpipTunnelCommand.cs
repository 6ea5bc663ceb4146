using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Infrastructure;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Tunnels;

/// <summary>
/// <c>ip tunnel add NAME mode ipip [remote R] [local L] [ttl T] [tos S] [[no]pmtudisc] [dev D]</c>:
/// creates an ipip tunnel, marked as IpipTools' own (<see cref="Ownership.LinkAlias"/>), and
/// writes it. Names come from the command line, from the pipeline (<c>'t1','t2' |
/// New-IpipTunnel -Remote ...</c>), or with the settings by property name (Import-Csv rows).
/// </summary>
[Cmdlet(VerbsCommon.New, "IpipTunnel", SupportsShouldProcess = true)]
[OutputType(typeof(IpTunnel))]
public sealed class NewIpipTunnelCommand : NamespacedCmdlet
{
    /// <summary>
    /// Piped names are created in batches (see <see cref="PipelineBatches{TOutcome}"/>): a
    /// thousand tunnels cost a few sends, not three round trips each. A name on the command
    /// line is a batch of one, sent at the end: two exchanges.
    /// </summary>
    private PipelineBatches<TunnelOutcome>? _batches;

    /// <summary>
    /// One parameter set only: with several, PowerShell binds a piped object with a Name
    /// property (an Import-Csv row) by value, as its whole text, instead of by its Name.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = string.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public IPAddress? Remote { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public IPAddress? Local { get; set; }

    /// <summary>"inherit" or 1..255.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Ttl { get; set; }

    /// <summary>"inherit" or hexadecimal 00..ff.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Tos { get; set; }

    [Parameter]
    public bool? PathMtuDiscovery { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int? Mtu { get; set; }

    [Parameter]
    public SwitchParameter Up { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string? UnderlayDevice { get; set; }

    protected override void ProcessItem()
    {
        var target = Target;
        var parameters = new IpipParameters
        {
            Local = Local,
            Remote = Remote,
            Ttl = Ttl is null ? (byte)0 : Ipv4TunnelParameters.ParseTtl(Ttl),
            Tos = Tos is null ? (byte)0 : Ipv4TunnelParameters.ParseTos(Tos),
            PathMtuDiscovery = PathMtuDiscovery ?? true,
        };
        if (ShouldProcess($"tunnel '{Name}' {target.Describe()}", $"Create {Describe()}"))
        {
            var link = Link.Of(Name, parameters) with { Mtu = Mtu, IsUp = Up.IsPresent, Alias = Ownership.LinkAlias };
            var underlay = UnderlayDevice;
            _batches ??= new PipelineBatches<TunnelOutcome>(this, WriteObject);
            _batches.Queue(target, () => Connection(target).Tunnels.CreateBatch(), batch => batch.Queue(link, underlay), item: null);
        }
    }

    /// <summary>The tunnels still queued are created here, at the end of the pipeline.</summary>
    protected override void EndProcessing() => _batches?.SendAll();

    /// <summary>"ipip tunnel 'tunl' remote 10.10.20.2 local 10.10.10.2 up": only what was given, in <c>ip tunnel</c>'s words.</summary>
    private string Describe()
    {
        var words = new List<string> { $"ipip tunnel '{Name}'" };
        if (UnderlayDevice is not null)
        {
            words.Add($"dev {UnderlayDevice}");
        }

        words.AddRange(SetIpipTunnelCommand.SettingWords(Remote, Local, Ttl, Tos, Mtu, PathMtuDiscovery));
        if (Up.IsPresent)
        {
            words.Add("up");
        }

        return string.Join(" ", words);
    }
}
