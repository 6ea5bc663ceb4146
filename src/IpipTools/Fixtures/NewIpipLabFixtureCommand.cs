using System.Management.Automation;
using IpipTools.Core.Fixtures;
using IpipTools.Infrastructure;

namespace IpipTools.Fixtures;

/// <summary>
/// For Pester's BeforeAll: scenario S1's two namespaces joined through a router
/// namespace (never the host's own), and with -WithTunnels the ipip tunnels tunl/tunr
/// with their peer addresses. Remove it in AfterAll with Remove-NetNamespaceFixture.
/// </summary>
[Cmdlet(VerbsCommon.New, "IpipLabFixture", SupportsShouldProcess = true)]
[OutputType(typeof(IpipLabFixture))]
public sealed class NewIpipLabFixtureCommand : IpipCmdlet
{
    [Parameter(Position = 0)]
    [ValidatePattern("^[A-Za-z0-9_.-]{1,32}$")]
    public string Prefix { get; set; } = "ipl";

    /// <summary>Also create the tunnels (needs a kernel with ipip; Test-IpipSupport tells).</summary>
    [Parameter]
    public SwitchParameter WithTunnels { get; set; }

    protected override void ProcessItem()
    {
        var tunnels = WithTunnels.IsPresent ? ", ipip tunnels tunl/tunr" : string.Empty;
        if (ShouldProcess($"new namespaces {Prefix}-xxxxxxxx-l, -r and -rt",
            $"Create the S1 lab (veth pairs through a router namespace, forwarding, routes{tunnels})"))
        {
            WriteObject(IpipLabFixture.Create(Prefix, WithTunnels.IsPresent));
        }
    }
}
