using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Routes;

/// <summary>The one place a <see cref="Route"/> becomes an rtmsg and its attributes.</summary>
internal static class RouteEncoder
{
    public static void Validate(Route spec)
    {
        if (spec.Gateway is not null)
        {
            AddressFamilies.RequireSameFamily(spec.Destination.BaseAddress, spec.Gateway, spec, static s => $"route to {s.Destination} via {s.Gateway}");
        }

        if (spec.OnLink && spec.Device is null)
        {
            throw new IpipToolsException(
                $"The route to {spec.Destination} is marked onlink but names no device; onlink means 'the gateway is on this device's link'.",
                "OnLinkNeedsDevice", IpipErrorCategory.InvalidArgument, "Name the output device (for example tunl0).", spec);
        }

        if (spec.Gateway is null && spec.Device is null && spec.Type == RouteType.Unicast)
        {
            throw new IpipToolsException(
                $"The route to {spec.Destination} has neither a gateway nor a device.",
                "RouteNeedsNextHop", IpipErrorCategory.InvalidArgument, "Give a gateway, a device, or both.", spec);
        }

        if (spec.Mtu is int mtu)
        {
            RouteMtu.Validate(mtu, spec);
        }
    }

    public static void Write(MessageWriter w, Route spec, int deviceIndex)
    {
        w.WriteStruct(new RtMessage
        {
            Family = AddressFamilies.Of(spec.Destination.BaseAddress),
            DestinationLength = (byte)spec.Destination.PrefixLength,
            Table = (uint)spec.Table < 256 ? (byte)spec.Table : (byte)RouteTable.Unspecified,
            Protocol = spec.Protocol,
            Scope = spec.EffectiveScope,
            Type = spec.Type,
            Flags = spec.OnLink ? RouteFlags.OnLink : RouteFlags.None,
        });
        if ((uint)spec.Table >= 256)
        {
            w.AddUInt32(RouteAttribute.Table, (uint)spec.Table);
        }

        if (spec.Destination.PrefixLength > 0)
        {
            w.AddAddress(RouteAttribute.Destination, spec.Destination.BaseAddress);
        }

        if (spec.Metric is var metric and not 0)
        {
            w.AddUInt32(RouteAttribute.Priority, metric);
        }

        if (spec.PreferredSource is not null)
        {
            w.AddAddress(RouteAttribute.PreferredSource, spec.PreferredSource);
        }

        if (spec.Gateway is not null)
        {
            w.AddAddress(RouteAttribute.Gateway, spec.Gateway);
        }

        if (deviceIndex != 0)
        {
            w.AddUInt32(RouteAttribute.OutputInterface, (uint)deviceIndex);
        }

        if (spec.Mtu is int mtu)
        {
            using var metrics = w.Nested(RouteAttribute.Metrics);
            w.AddUInt32(RouteAttribute.MetricMtu, (uint)mtu);
        }
    }
}
