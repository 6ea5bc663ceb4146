using System.Net;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.DesiredState.Tests.Live;

/// <summary>Makes objects carrying IpipTools' mark by hand, as a leftover of an earlier topology would be.</summary>
internal static class Owned
{
    /// <summary>An address with IFA_PROTO 73 (iproute2 6.1 cannot add one: it has no "proto" for addresses).</summary>
    public static void AddAddress(string netns, string device, string address, byte prefixLength)
    {
        using var client = RtnetlinkClient.Open(netns);
        client.Addresses.Add(new InterfaceAddress(device, IPAddress.Parse(address), prefixLength) { Protocol = Ownership.AddressProtocol });
    }
}
