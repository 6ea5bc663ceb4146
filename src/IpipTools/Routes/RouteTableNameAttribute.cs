using System.Management.Automation;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Routes;

/// <summary>
/// On a -Table parameter (a number): takes the names <c>ip route</c> gives tables too (main,
/// local, default, as /etc/iproute2/rt_tables reserves them), and a table as read (a piped
/// route's Table), so that <c>-Table main</c> and <c>-Table 100</c> both bind. Where a listing
/// may show every table (<see cref="AllowsAll"/>), "all" is table 0, which <c>ip route show
/// table 0</c> takes for every table too. Anything else passes on to PowerShell's own
/// conversion, whose error names the value.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class RouteTableNameAttribute : ArgumentTransformationAttribute
{
    /// <summary>The word that asks a listing for every table.</summary>
    internal const string All = "all";

    /// <summary>Takes "all" (as 0, every table): for the cmdlets that list routes.</summary>
    public bool AllowsAll { get; set; }

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var input = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (!AllowsAll && input is string text && text.Equals(All, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentTransformationMetadataException(
                "'all' names every table, which only a listing takes (Get-IpRoute -Table all): give the one table the route is in, a number or main, default, local.");
        }

        return Read(input, AllowsAll) ?? inputData;
    }

    /// <summary>The table <paramref name="input"/> names (a RouteTable, a table's name, a number as text), or null.</summary>
    internal static uint? Read(object? input, bool allowsAll) => input switch
    {
        RouteTable table => (uint)table,
        string text when allowsAll && text.Equals(All, StringComparison.OrdinalIgnoreCase) => (uint)RouteTable.Unspecified,
        string text when uint.TryParse(text, out var number) => number,
        string text when Enum.TryParse<RouteTable>(text, ignoreCase: true, out var named) => (uint)named,
        _ => null,
    };
}
