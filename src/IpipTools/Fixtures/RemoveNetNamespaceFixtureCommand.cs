using System.Management.Automation;
using IpipTools.Core.Fixtures;
using IpipTools.Infrastructure;

namespace IpipTools.Fixtures;

/// <summary>
/// For Pester's AfterAll: removes a fixture's namespaces and everything in them. A
/// fixture already removed is left alone, so AfterAll needs no guard.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "NetNamespaceFixture", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveNetNamespaceFixtureCommand : IpipCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public NetworkFixture Fixture { get; set; } = null!;

    protected override void ProcessItem()
    {
        if (ShouldProcess($"namespaces {string.Join(", ", Fixture.Namespaces)}", "Remove fixture namespaces and everything in them"))
        {
            Fixture.Dispose();
        }
    }
}
