using System.Management.Automation;
using System.Net;

namespace IpipTools.Infrastructure;

/// <summary>
/// On a -Gateway parameter: the unspecified address (0.0.0.0, ::) means no gateway, as it does
/// to ip (<c>ip route add 10.9.0.0/24 via 0.0.0.0 dev eth0</c> makes a route out of the device)
/// and in rows from Windows' Get-NetRoute, whose NextHop 0.0.0.0 is an on-link route. Placed
/// after <see cref="IPAddressArgumentAttribute"/>, which has made the text an address.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class UnspecifiedGatewayIsNoneAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is IPAddress address
            && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) ? null : inputData;
}
