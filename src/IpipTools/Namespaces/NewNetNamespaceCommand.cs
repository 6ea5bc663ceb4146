using System.Management.Automation;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;
using NetNs = IpipTools.Core.Namespaces.NetNamespace;

namespace IpipTools.Namespaces;

/// <summary><c>ip netns add NAME</c>: a named namespace that <c>ip netns</c> sees too.</summary>
[Cmdlet(VerbsCommon.New, "NetNamespace", SupportsShouldProcess = true)]
[OutputType(typeof(NetNs))]
public sealed class NewNetNamespaceCommand : IpipCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("NetNamespace")]
    public string Name { get; set; } = string.Empty;

    protected override void ProcessItem()
    {
        // The name is checked first (NetNamespace.Named: -WhatIf must not show a path outside
        // /run/netns), and that it is free: -WhatIf refuses as the real run does.
        if (ShouldProcess($"network namespace '{Name}'", $"Create network namespace (bind mount at {NetNamespaceStore.MustBeFreeToCreate(Name).Path})"))
        {
            WriteObject(NetNamespaceStore.Create(Name));
        }
    }
}
