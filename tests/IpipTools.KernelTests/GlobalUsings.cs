// What nearly every kernel test uses: the address type, the kinds' parameter records,
// tunnel specs, and the oracle and lab helpers.
global using System.Net;
global using IpipTools.Core.Fixtures;
global using IpipTools.Core.Netlink;
global using IpipTools.Core.Rtnl.Kinds;
global using IpipTools.Core.Rtnl.Links;
global using IpipTools.Core.Rtnl.Tunnels;
global using IpipTools.TestSupport;
