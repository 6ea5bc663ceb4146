using System.Collections;
using IpipTools.Core.Rtnl;

namespace IpipTools.Completers;

/// <summary>
/// Completes -Address of a removal with the addresses there are, of the interface already on
/// the line (any, when not): a plain one as ADDRESS/LENGTH (10.10.10.2/24), as ip addr del
/// takes it; a point-to-point one by its local address, the length being its peer's.
/// </summary>
public sealed class InterfaceAddressCompleter : NamespaceObjectCompleter
{
    protected override IEnumerable<string> Offered(RtnetlinkClient client, IDictionary bound) =>
        client.Addresses.List(Argument(bound, "InterfaceName") ?? Argument(bound, "Device") ?? Argument(bound, "Name"))
            .Select(a => a.Peer is null ? $"{a.Address}/{a.PrefixLength}" : a.Address.ToString());
}
