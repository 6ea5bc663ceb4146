using System.Management.Automation;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;

namespace IpipTools.Addresses;

/// <summary>
/// <c>ip addr show [dev D]</c> (<c>ip -4</c>, <c>ip -6</c> with -AddressFamily): the addresses
/// of every interface, or of one, or of those a wildcard matches. Get-TunnelPeerAddress is its
/// peer form (<see cref="AddressListCmdlet"/>).
/// </summary>
[Cmdlet(VerbsCommon.Get, "IpAddress", DefaultParameterSetName = ByPropertySet)]
[OutputType(typeof(InterfaceAddress))]
public sealed class GetIpAddressCommand : AddressListCmdlet
{
    /// <summary>Only IPv4 or only IPv6 addresses (ip -4, ip -6).</summary>
    [Parameter]
    [ValidateSet("IPv4", "IPv6", IgnoreCase = true)]
    public string? AddressFamily { get; set; }

    /// <summary>Only addresses of this scope (Global, Link, Host).</summary>
    [Parameter]
    public RouteScope? Scope { get; set; }

    protected override bool Keeps(InterfaceAddress address) =>
        (AddressFamily is null || address.Address.AddressFamily == (AddressFamily.Equals("IPv4", StringComparison.OrdinalIgnoreCase)
            ? System.Net.Sockets.AddressFamily.InterNetwork : System.Net.Sockets.AddressFamily.InterNetworkV6))
        && (Scope is null || address.Scope == Scope)
        && base.Keeps(address);
}
