using System.Management.Automation;
using IpipTools.Core.Fixtures;
using IpipTools.Infrastructure;

namespace IpipTools.Fixtures;

/// <summary>
/// For Pester's BeforeAll: a temporary namespace (PREFIX-xxxxxxxx, loopback up). Pipe
/// it to IpipTools cmdlets (its Namespace property binds -NetNamespace); remove it in
/// AfterAll with Remove-NetNamespaceFixture.
/// </summary>
[Cmdlet(VerbsCommon.New, "NetNamespaceFixture", SupportsShouldProcess = true)]
[OutputType(typeof(NamespaceFixture))]
public sealed class NewNetNamespaceFixtureCommand : IpipCmdlet
{
    [Parameter(Position = 0)]
    [ValidatePattern("^[A-Za-z0-9_.-]{1,32}$")]
    public string Prefix { get; set; } = "ipt";

    protected override void ProcessItem()
    {
        if (ShouldProcess($"a new namespace named {Prefix}-xxxxxxxx", "Create temporary network namespace (loopback up)"))
        {
            WriteObject(NamespaceFixture.Create(Prefix));
        }
    }
}
