using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Routes;

/// <summary>Plain-words explanations for what the kernel says when it refuses a route.</summary>
internal static class RouteErrors
{
    public static NetlinkException Explain(NetlinkException e, Route spec, string verb)
    {
        var kernel = e.KernelMessage ?? string.Empty;
        if (kernel.Contains("invalid gateway", StringComparison.OrdinalIgnoreCase) || e.ErrorNumber == Errno.ENETUNREACH)
        {
            return e.Explain(
                spec.OnLink
                    ? $"the gateway {spec.Gateway} is not a usable unicast next hop from {spec.Device} (onlink still needs the routing table to see {spec.Gateway} as a unicast address)"
                    : $"the gateway {spec.Gateway} is not on any network of {spec.Device ?? "the chosen device"}",
                spec.OnLink
                    ? "Check the gateway address and that the namespace has a route covering the underlay."
                    : "If the gateway is reachable on that device without a covering prefix (as with routes via tunl0), make the route onlink: Add-IpRoute -OnLink (Add-OnlinkRoute without -CheckGateway), or OnLink = $true in a topology's route.",
                "RouteGatewayRejected", spec);
        }

        if (kernel.Contains("not up", StringComparison.OrdinalIgnoreCase) || e.ErrorNumber == Errno.ENETDOWN)
        {
            return e.Explain(
                spec.OnLink
                    ? $"the device {spec.Device} is down, and the kernel refuses an onlink next hop on a device that is down"
                    : $"the device {spec.Device} is down, and the kernel refuses a route through a device that is down",
                $"Bring {spec.Device} up first: Set-NetLink {spec.Device} -Up (for a tunnel, Set-IpTunnel {spec.Device} -Up).", "RouteDeviceDown", spec);
        }

        return e.ErrorNumber switch
        {
            // Said whole: -WhatIf foresees these two from the routes listed (RouteChangeCheck).
            Errno.EEXIST => e.ExplainWhole($"a route to {spec.Destination} already exists in table {spec.Table.ToIpString()}",
                "Replace it instead (-Replace), or remove it first.", "RouteExists", spec),
            Errno.ESRCH when verb == "delete" => e.ExplainWhole($"there is no such route to {spec.Destination} in table {spec.Table.ToIpString()}",
                "List the routes with Get-IpRoute (-Table all lists every table; a route in another table is removed with -Table).", "RouteNotFound", spec),
            Errno.ENODEV => e.Explain($"the device {spec.Device} does not exist", "Check the device name and namespace.", "LinkNotFound", spec),
            _ => e.Explain(e.Explanation ?? Errno.Describe(e.ErrorNumber), e.RecommendedAction, e.ErrorId == "NetlinkRequestFailed" ? "RouteRejected" : e.ErrorId, spec),
        };
    }
}
