using System.Management.Automation;
using IpipTools.Core.DesiredState.Topologies;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Infrastructure;

namespace IpipTools.Bridges;

/// <summary>
/// <c>ip link add NAME [mtu M] type bridge [up]</c>, with the kernel's bridge defaults (no STP);
/// writes the bridge. Ports join it with Set-NetLink -Master. Like everything IpipTools
/// creates, it carries IpipTools' mark (<see cref="Ownership.LinkAlias"/>).
/// </summary>
[Cmdlet(VerbsCommon.New, "NetBridge", SupportsShouldProcess = true)]
[OutputType(typeof(Link))]
public sealed class NewNetBridgeCommand : NamespacedCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Name { get; set; } = string.Empty;

    /// <summary>Bring the bridge up.</summary>
    [Parameter]
    public SwitchParameter Up { get; set; }

    [Parameter]
    public int? Mtu { get; set; }

    protected override void ProcessItem()
    {
        // Checked before -WhatIf answers, so that it refuses bad input as the real run does.
        InterfaceName.Validate(Name);
        if (Mtu is int mtu)
        {
            LinkMtu.Validate(mtu, "-Mtu");
        }

        var target = Target;
        if (ShouldProcess($"bridge '{Name}' {target.Describe()}", $"Create bridge {Name}{(Mtu is null ? string.Empty : $", MTU {Mtu}")}"))
        {
            var bridge = Link.Of(Name, new BridgeParameters()) with { Mtu = Mtu, IsUp = Up.IsPresent, Alias = Ownership.LinkAlias };
            WriteObject(Connection(target).Links.Add(bridge));
        }
    }
}
