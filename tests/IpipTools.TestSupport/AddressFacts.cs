using System.Net.Sockets;
using System.Text.Json;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl;

namespace IpipTools.TestSupport;

/// <summary>
/// What must agree between iproute2's view of an IPv4 address (<c>ip -j addr</c>)
/// and ours; see <see cref="LinkFacts"/>. IPv4 only: IPv6 link-local addresses
/// change state on their own (DAD) between two reads.
/// </summary>
public sealed record AddressFacts(string Device, string Local, int PrefixLength, string? Peer, RouteScope Scope, string? Label)
{
    public static IReadOnlyList<AddressFacts> AllFromOracle(string? netns, string? device = null) =>
        IpOracle.Addresses(netns, device).EnumerateArray()
            .SelectMany(link => link.GetProperty("addr_info").EnumerateArray()
                .Where(a => a.String("family") == "inet")
                .Select(a => new AddressFacts(
                    link.String("ifname")!,
                    a.String("local")!,
                    a.Int("prefixlen")!.Value,
                    a.String("address"),
                    OracleNames.Scope(a.String("scope")!),
                    a.String("label"))))
            .OrderBy(f => f.ToString(), StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<AddressFacts> AllFrom(IEnumerable<InterfaceAddress> addresses) =>
        addresses.Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork)
            .Select(a => new AddressFacts(a.InterfaceName, a.Address.ToString(), a.PrefixLength, a.Peer?.ToString(), a.Scope, a.Label))
            .OrderBy(f => f.ToString(), StringComparer.Ordinal)
            .ToList();
}
