using System.Management.Automation;
using IpipTools.Core.Rtnl;

namespace IpipTools.Infrastructure;

/// <summary>
/// On an IPNetwork parameter: reads a string argument as <c>ip route</c> does, refusing a
/// prefix with host bits set (10.62.0.1/24) instead of letting PowerShell's conversion
/// (IPNetwork.Parse) clear them into another route. The refusal is a parameter binding error
/// that carries <see cref="NetworkPrefix"/>'s message, which names the network meant.
/// Anything that is not a string (an IPNetwork from a piped route) passes unchanged, and so
/// does a string that is no prefix at all, for PowerShell's own conversion error.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class StrictPrefixAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is string text
            ? NetworkPrefix.Parse(text) ?? inputData
            : inputData;
}
