using System.Management.Automation;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Routes;

/// <summary>
/// On a -Table parameter (a number): takes the names <c>ip route</c> gives tables too (main,
/// local, default), and a table as read (a piped route's Table), so that <c>-Table main</c>
/// and <c>-Table 100</c> both bind. Anything else passes on to PowerShell's own conversion,
/// whose error names the value.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class RouteTableNameAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) switch
        {
            RouteTable table => (uint)table,
            string text when Enum.TryParse<RouteTable>(text, ignoreCase: true, out var named) && !uint.TryParse(text, out _) => (uint)named,
            _ => inputData,
        };
}
