using IpipTools.Core.Errors;

namespace IpipTools.Core.Rtnl.Links;

/// <summary>
/// The MTU range a link may be given: 68, the least IPv4 allows (ETH_MIN_MTU), to 65535
/// (ETH_MAX_MTU), the min_mtu and max_mtu the kernel reports for a veth or a bridge. veth
/// checks exactly this range when a pair is created (veth_validate) and answers EINVAL
/// with no extended ack, so a request is checked here first, where the error can name the
/// value and the setting. A kind with a narrower range (ipip: 65535 less its header) is
/// still refused by the kernel, with the kernel's own text. A route's mtu metric has a
/// range of its own (<see cref="Routes.RouteMtu"/>): the kernel keeps less of it.
/// </summary>
public static class LinkMtu
{
    public const int Minimum = 68;

    public const int Maximum = 65535;

    /// <summary>Throws InvalidMtu when <paramref name="mtu"/> is out of range; <paramref name="setting"/> says where it came from ("-Mtu", "link 'x'").</summary>
    public static void Validate(int mtu, string setting)
    {
        if (mtu < Minimum || mtu > Maximum)
        {
            throw new IpipToolsException(
                $"MTU {mtu} is out of range for {setting}; IPv4 needs at least {Minimum} and Linux allows at most {Maximum}.",
                "InvalidMtu", IpipErrorCategory.InvalidArgument, $"Use an MTU from {Minimum} to {Maximum} for {setting}.", mtu);
        }
    }
}
