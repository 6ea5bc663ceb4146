using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Commands;
using IpipTools.Infrastructure;
using NetNs = IpipTools.Core.Namespaces.NetNamespace;

namespace IpipTools.Namespaces;

/// <summary><c>ip netns list</c>: the named namespaces, by name or wildcard.</summary>
[Cmdlet(VerbsCommon.Get, "NetNamespace")]
[OutputType(typeof(NetNs))]
public sealed class GetNetNamespaceCommand : IpipCmdlet
{
    /// <summary>Names or wildcards; strings bind from the pipeline. Left out: every named namespace. $null or '' is refused (a typo, not "all").</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [Alias("NetNamespace")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string[]? Name { get; set; }

    protected override void ProcessItem() => WriteEach(NamespaceCommands.Get(Name, WriteFailure));
}
