using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
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

    /// <summary>
    /// Each name in turn; one that selects nothing is an error and the rest are still
    /// listed, as Get-ChildItem does with several paths. An exact name must exist.
    /// </summary>
    protected override void ProcessItem()
    {
        if (Name is null)
        {
            WriteEach(NetNamespaceStore.List());
            return;
        }

        foreach (var text in Name)
        {
            try
            {
                var name = NameFilter.Of(text);
                WriteEach(name.ExactName is string exact
                    ? new[] { NetNs.Parse(exact).MustExist() }
                    : NetNamespaceStore.List().Where(n => name.Matches(n.Name!)));
            }
            catch (Exception e) when (ErrorReport.IsReportable(e))
            {
                WriteError(ErrorRecords.From(e));
            }
        }
    }
}
