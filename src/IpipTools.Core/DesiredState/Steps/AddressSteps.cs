using System.Net;
using IpipTools.Core.Rtnl.Addresses;

namespace IpipTools.Core.DesiredState.Steps;

/// <summary>What the address steps share: the request an <see cref="AddressConfig"/> makes.</summary>
internal static class AddressSteps
{
    public static AddressSpec Spec(AddressConfig a) =>
        new(a.Device, IPAddress.Parse(a.Address), a.PrefixLength, a.Peer is null ? null : IPAddress.Parse(a.Peer))
        {
            Protocol = a.Protocol == 0 ? null : a.Protocol,
        };
}
