using System.Net;
using System.Text;

namespace IpipTools.Core.Rtnl.Routes;

/// <summary>Formats a route the way <c>ip route</c> prints it; shared by specs and read routes.</summary>
internal static class RouteText
{
    public static string Format(IPNetwork destination, IPAddress? gateway, string? device, bool onLink, RouteTable table,
        uint? metric, RouteProtocol protocol, RouteScope? scope, IPAddress? source, int? mtu)
    {
        // Like iproute2: "default" for /0, and a host route without its /32 (or /128).
        var text = new StringBuilder(
            destination.PrefixLength == 0 ? "default"
            : destination.PrefixLength == AddressFamilies.MaxPrefixLength(destination.BaseAddress) ? destination.BaseAddress.ToString()
            : destination.ToString());
        if (gateway is not null)
        {
            text.Append(" via ").Append(gateway);
        }

        if (device is not null)
        {
            text.Append(" dev ").Append(device);
        }

        if (table != RouteTable.Main)
        {
            text.Append(" table ").Append(table.ToIpString());
        }

        if (protocol != RouteProtocol.Boot)
        {
            text.Append(" proto ").Append(protocol.ToIpString());
        }

        if (scope is RouteScope s && s != RouteScope.Global)
        {
            text.Append(" scope ").Append(s.ToIpString());
        }

        if (source is not null)
        {
            text.Append(" src ").Append(source);
        }

        if (metric is uint m && m != 0)
        {
            text.Append(" metric ").Append(m);
        }

        // iproute2 prints the next-hop flags before the metrics (RTA_METRICS) line.
        if (onLink)
        {
            text.Append(" onlink");
        }

        if (mtu is int u)
        {
            text.Append(" mtu ").Append(u);
        }

        return text.ToString();
    }
}
