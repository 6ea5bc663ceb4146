namespace IpipTools.Core.Rtnl;

/// <summary>
/// The address family of an object that need not carry an address (a rule "from all", a
/// listing): the AF_INET and AF_INET6 numbers, named as PowerShell users filter by them
/// (<c>Where-Object Family -eq 'IPv6'</c>).
/// </summary>
public enum IpFamily : byte
{
    IPv4 = AddressFamilies.Inet,
    IPv6 = AddressFamilies.Inet6,
}
