using System.Net.NetworkInformation;
using IpipTools.Core.Namespaces;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// What is asked of a kind whose links are made in pairs (veth) beyond
/// <see cref="ICreatableKind"/>: the parameters that make one end together with its peer.
/// </summary>
internal interface IPairKind : ICreatableKind
{
    /// <summary>
    /// The parameters that create a link and, in the same request, its peer named
    /// <paramref name="peerName"/> in <paramref name="peerNamespace"/> (null: the link's own),
    /// with the index and link-layer address a restored peer had (0 and null: the kernel's choice).
    /// </summary>
    LinkKindParameters PairedWith(string peerName, NetNamespace? peerNamespace, int peerIndex, PhysicalAddress? peerHardwareAddress);
}
