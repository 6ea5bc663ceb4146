using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// What is asked of a kind whose links are made in pairs (veth) beyond
/// <see cref="ICreatableKind"/>: the parameters that make one end together with its peer, and
/// what is left to set on the peer once both are made.
/// </summary>
internal interface IPairKind : ICreatableKind
{
    /// <summary>
    /// The parameters that create a link and, in the same request, <paramref name="peer"/> in
    /// <paramref name="peerNamespace"/> (null: the link's own): its name, MTU, and the index and
    /// link-layer address a restored peer had (0 and null: the kernel's choice), and its alias,
    /// bridge and state, which are set on it after the creation.
    /// </summary>
    LinkKindParameters PairedWith(Link peer, NetNamespace? peerNamespace);

    /// <summary>
    /// What a creation with <paramref name="parameters"/> leaves to set on the peer, which the
    /// kernel does not take for it in a creation request (its alias, its bridge, bringing it up);
    /// null when nothing is left.
    /// </summary>
    (string Name, NetNamespace? Namespace, string? Alias, string? Master, bool Up)? PeerLeftToSet(LinkKindParameters parameters);
}
