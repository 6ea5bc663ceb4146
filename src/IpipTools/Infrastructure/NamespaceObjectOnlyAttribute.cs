using System.Management.Automation;
using NetNs = IpipTools.Core.Namespaces.NetNamespace;

namespace IpipTools.Infrastructure;

/// <summary>
/// Lets -PipedNamespace (<see cref="PipedNamespaceCmdlet"/>) take a namespace object and
/// nothing else. Without it PowerShell would convert a piped string through
/// NetNamespace.Parse and select the namespace-object set for it. Anything else is turned
/// into a value no conversion accepts: PowerShell then counts the parameter as not bound
/// by that object, quietly, as for any type mismatch (throwing here would be an error for
/// every piped link, since PowerShell offers each object to -PipedNamespace first).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class NamespaceObjectOnlyAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is NetNs netNamespace ? netNamespace : NotANamespace.Value;

    /// <summary>What converts to no parameter type: not a string, no Parse, no constructor takes it.</summary>
    private sealed class NotANamespace
    {
        public static readonly NotANamespace Value = new();

        public override string ToString() => "(not a namespace object)";
    }
}
