using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Infrastructure;
using IpipTools.Links;

namespace IpipTools.Tunnels;

/// <summary>
/// <c>ip tunnel change</c> and <c>ip link set NAME up|down|mtu N</c> on a tunnel: the one
/// implementation of Set-IpTunnel (any mode) and Set-IpipTunnel (its ipip form). A setting not
/// given is left as it is. The parameter changes go as one complete parameter set (see
/// <see cref="TunnelOperations.Modify{TParameters}"/>), then the MTU, then the state, so a
/// tunnel brought up already has its final settings.
/// </summary>
public abstract class TunnelChangeCmdlet : PipedLinkCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [ArgumentCompleter(typeof(TunnelNameCompleter))]
    public string Name { get; set; } = string.Empty;

    [Parameter]
    [IPAddressArgument]
    public IPAddress? Remote { get; set; }

    [Parameter]
    [IPAddressArgument]
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

    /// <summary>The settings given beyond the ones every tunnel has (keys, 6rd); none by default.</summary>
    protected virtual TunnelSettings ModeSettings() => new();

    /// <summary>Sends the change: of any tunnel, or of tunnels of one kind only (the ipip form).</summary>
    protected abstract IpTunnel Modify(TunnelOperations tunnels, IpTunnel current, TunnelSettings settings);

    protected override void ProcessItem()
    {
        RequireGiven(nameof(Name), "tunnel");
        var name = LinkName(Name);
        var target = Target;
        var up = AdminState();
        var settings = ModeSettings().WithCommon(Local, Remote, Ttl, Tos, PathMtuDiscovery);
        var words = settings.Words();
        if (Mtu is not null)
        {
            words.Add($"mtu {Mtu}");
        }

        if (up is bool state)
        {
            words.Add(state ? "up" : "down");
        }

        // Read before -WhatIf speaks (the change needs it anyway), so that a missing tunnel is refused as the real run refuses it.
        var client = Client(target);
        var current = client.Tunnels.Get(name);
        if (!ShouldProcess($"tunnel '{name}' {target.Describe()}", $"Set {(words.Count == 0 ? "nothing" : string.Join(" ", words))}"))
        {
            return;
        }

        var tunnel = settings.IsEmpty ? current : Modify(client.Tunnels, current, settings);
        if (Mtu is int mtu)
        {
            client.Links.SetMtu(name, mtu);
        }

        if (up is bool upNow)
        {
            client.Links.SetUp(name, upNow);
        }

        // Modify and Get have read the tunnel back; only a change after them needs another read.
        if (PassThru.IsPresent)
        {
            WriteObject(Mtu is null && up is null ? tunnel : client.Tunnels.Get(name));
        }
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
