using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.DesiredState.Topologies;

/// <summary>
/// How IpipTools marks what it creates, so that pruning removes only its own objects and
/// never someone else's: links carry an interface alias (IFLA_IFALIAS, shown by
/// <c>ip link</c> as "alias ipiptools:managed"), routes and addresses the protocol number 73
/// (rtm_protocol / IFA_PROTO, shown as "proto 73").
/// </summary>
public static class Ownership
{
    public const string LinkAlias = "ipiptools:managed";

    /// <summary>The route protocol IpipTools tags its routes with.</summary>
    public const RouteProtocol Protocol = RouteProtocol.IpipTools;

    /// <summary>The same number as IFA_PROTO, for the addresses IpipTools adds.</summary>
    public const AddressProtocol AddressProtocol = Rtnl.Addresses.AddressProtocol.IpipTools;
}
