using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// Encodes and decodes one link kind's IFLA_INFO_DATA, untyped, as the registry and the
/// link operations see every kind. Drivers do not implement it directly: they derive from
/// <see cref="LinkKindDriver{TParameters}"/>, which implements it once. A new kind is one
/// such class and one line in <see cref="LinkKindRegistry"/>.
/// </summary>
public interface ILinkKindDriver
{
    /// <summary>The IFLA_INFO_KIND string.</summary>
    string Kind { get; }

    /// <summary>Whether <paramref name="parameters"/> are this kind's.</summary>
    bool Handles(LinkKindParameters parameters);

    /// <summary>
    /// Writes the attributes that go inside IFLA_INFO_DATA (the writer is already inside
    /// the nest). Namespaces or other kernel handles the encoding needs come from
    /// <paramref name="context"/>, which closes them after the request.
    /// </summary>
    void WriteInfoData(MessageWriter writer, LinkKindParameters parameters, LinkEncodingContext context);

    /// <summary>Builds the parameters from IFLA_INFO_DATA (null when the kernel sent none).</summary>
    LinkKindParameters Read(AttributeList? infoData);

    /// <summary>What a link of this kind is called in messages about its name ("interface", "tunnel").</summary>
    string Noun { get; }

    /// <summary>
    /// <paramref name="parameters"/> bound to the underlay device of index <paramref name="underlayIndex"/>;
    /// a kind that sends over no underlay refuses (ArgumentException).
    /// </summary>
    LinkKindParameters WithUnderlay(LinkKindParameters parameters, int underlayIndex);

    /// <summary>
    /// The kind's own explanation of a refusal to create or change <paramref name="link"/>
    /// (its parameters are the ones sent), looked into through <paramref name="client"/>, the
    /// connection to its namespace; null when the refusal means nothing particular to the kind.
    /// </summary>
    NetlinkException? ExplainRefusal(NetlinkException error, Link link, RtnetlinkClient client);
}
