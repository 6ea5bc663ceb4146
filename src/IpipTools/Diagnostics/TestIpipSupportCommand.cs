using System.Management.Automation;
using IpipTools.Core.Diagnostics;
using IpipTools.Infrastructure;

namespace IpipTools.Diagnostics;

/// <summary>
/// Preflight: can this kernel make ipip tunnels, is tunl0 there, will rp_filter drop
/// decapsulated packets, does each tunnel's MTU fit its underlay, is pmtudisc on.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "IpipSupport")]
[OutputType(typeof(SupportCheck))]
public sealed class TestIpipSupportCommand : NamespacedCmdlet
{
    /// <summary>Do not create a throwaway namespace to ask the kernel for an ipip tunnel.</summary>
    [Parameter]
    public SwitchParameter NoProbe { get; set; }

    protected override void ProcessItem() => WriteEach(IpipSupportCheck.Run(Target, !NoProbe.IsPresent));
}
