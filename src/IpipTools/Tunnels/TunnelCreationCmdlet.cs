using System.Management.Automation;
using System.Net;
using IpipTools.Core.DesiredState.Topologies;
using IpipTools.Completers;
using IpipTools.Core.DesiredState;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Infrastructure;

namespace IpipTools.Tunnels;

/// <summary>
/// <c>ip tunnel add NAME mode M [remote R] [local L] [ttl T] [tos S] [[no]pmtudisc] [dev D] ...</c>:
/// the one implementation of New-IpTunnel (any mode) and New-IpipTunnel (its ipip form). It
/// creates the tunnel, marked as IpipTools' own (<see cref="Ownership.LinkAlias"/>), and writes
/// it. Names come from the command line, from the pipeline (<c>'t1','t2' | New-IpTunnel ...</c>),
/// or with the settings by property name (Import-Csv rows). A derived cmdlet names the mode and
/// adds the settings of its own (<see cref="ModeSettings"/>).
/// </summary>
public abstract class TunnelCreationCmdlet : NamespacedCmdlet
{
    /// <summary>Piped names are created in batches (see <see cref="PipelineLinkCreations"/>): a thousand tunnels cost a few sends.</summary>
    private PipelineLinkCreations? _creations;

    /// <summary>
    /// One parameter set only: with several, PowerShell binds a piped object with a Name
    /// property (an Import-Csv row) by value, as its whole text, instead of by its Name.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = string.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [IPAddressArgument]
    public IPAddress? Remote { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [IPAddressArgument]
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

    /// <summary>The mode of the tunnel to create (ipip for New-IpipTunnel).</summary>
    protected abstract string TunnelMode();

    /// <summary>The settings given beyond the ones every tunnel has (keys, 6rd); none by default.</summary>
    protected virtual TunnelSettings ModeSettings() => new();

    protected override void ProcessItem()
    {
        var target = Target;
        var mode = TunnelMode();
        var settings = ModeSettings().WithCommon(Local, Remote, Ttl, Tos, PathMtuDiscovery);
        var parameters = settings.ApplyTo(TunnelModes.DefaultsFor(mode), Name);
        var link = Link.Of(Name, parameters) with { Mtu = Mtu, IsUp = Up.IsPresent, Alias = Ownership.LinkAlias };
        if (ApprovalAsked)
        {
            // A name taken is refused as the kernel's answer would be, before -WhatIf speaks.
            Client(target).Links.CheckNamesFree(link);
        }

        if (ShouldProcess($"tunnel '{Name}' {target.Describe()}", $"Create {Describe(parameters.Mode, settings)}"))
        {
            _creations ??= EndsWithPipeline(new PipelineLinkCreations(this, Client, IpTunnel.FromLink));
            _creations.Queue(target, link, UnderlayDevice);
        }
    }

    /// <summary>The tunnels still queued are created here, at the end of the pipeline.</summary>
    protected override void EndProcessing() => _creations?.SendAll();

    /// <summary>"gre tunnel 'g1' remote 10.10.20.2 local 10.10.10.2 ikey 42 up": only what was given, in <c>ip tunnel</c>'s words.</summary>
    private string Describe(string mode, TunnelSettings settings)
    {
        var words = new List<string> { $"{mode} tunnel '{Name}'" };
        if (UnderlayDevice is not null)
        {
            words.Add($"dev {UnderlayDevice}");
        }

        words.AddRange(settings.Words());
        if (Mtu is not null)
        {
            words.Add($"mtu {Mtu}");
        }

        if (Up.IsPresent)
        {
            words.Add("up");
        }

        return string.Join(" ", words);
    }
}
