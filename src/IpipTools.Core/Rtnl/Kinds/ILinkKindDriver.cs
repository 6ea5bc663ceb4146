using IpipTools.Core.Netlink;

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
}
