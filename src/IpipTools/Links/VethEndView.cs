using System.Management.Automation;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Links;

/// <summary>
/// The veth cmdlets (Get-VethPair, New-VethPair) write their ends as links that also carry
/// the type name <see cref="TypeName"/>, first, so that PowerShell shows them in the veth
/// table (peer and peer namespace beside the name) rather than the general link table. The
/// object is the same <see cref="Link"/>: pipelines and property access do not change.
/// </summary>
internal static class VethEndView
{
    /// <summary>The type name the VethEnd views of IpipTools.format.ps1xml are selected by.</summary>
    internal const string TypeName = "IpipTools.Core.Rtnl.Links.Link#VethEnd";

    internal static PSObject Of(Link end)
    {
        var item = PSObject.AsPSObject(end);
        item.TypeNames.Insert(0, TypeName);
        return item;
    }
}
