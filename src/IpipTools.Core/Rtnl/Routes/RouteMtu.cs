using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Rtnl.Routes;

/// <summary>
/// The MTU range a route's mtu metric (RTAX_MTU) may be given. The least is a link's, the
/// least IPv4 allows (<see cref="LinkMtu.Minimum"/>). The most is not a link's 65535: the
/// kernel refuses no RTAX_MTU value but stores any above 65535 - 15 as 65520
/// (ip_metrics_convert), so a larger one would read back as 65520 and the route would never
/// match what was asked for. No extended ack says so, so a request is checked here first.
/// </summary>
public static class RouteMtu
{
    public const int Minimum = LinkMtu.Minimum;

    public const int Maximum = 65535 - 15;

    /// <summary>Throws InvalidMtu when <paramref name="mtu"/> is out of range; <paramref name="target"/> is the route, for the error record.</summary>
    public static void Validate(int mtu, object target)
    {
        if (mtu < Minimum || mtu > Maximum)
        {
            throw new IpipToolsException($"Route MTU {mtu} is out of range ({Minimum} to {Maximum}).", "InvalidMtu",
                IpipErrorCategory.InvalidArgument, $"Give an MTU between {Minimum} and {Maximum}.", target);
        }
    }
}
