using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Namespaces;

namespace IpipTools.Infrastructure;

/// <summary>
/// A cmdlet that works inside one network namespace. -NetNamespace (alias Namespace)
/// binds by property name, so objects read from a namespace (they carry a Namespace
/// property) keep the next cmdlet in that namespace. Without it, the session default
/// applies: the namespace Enter-NetNamespace entered last, else the caller's own.
/// </summary>
public abstract class NamespacedCmdlet : IpipCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Namespace")]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string? NetNamespace { get; set; }

    /// <summary>The namespace this invocation works in.</summary>
    protected NetNamespace Target => NamespaceSession.For(Session).Resolve(NetNamespace);
}
