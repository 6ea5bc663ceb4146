using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// The base of every kind driver: it works on its own parameters record, and the untyped
/// <see cref="ILinkKindDriver"/> the registry hands out is implemented here once, so that
/// neither a driver nor a caller ever casts parameters.
/// </summary>
public abstract class LinkKindDriver<TParameters> : ILinkKindDriver
    where TParameters : LinkKindParameters
{
    public abstract string Kind { get; }

    public bool Handles(LinkKindParameters parameters) => parameters is TParameters;

    /// <inheritdoc cref="ILinkKindDriver.WriteInfoData"/>
    public abstract void WriteInfoData(MessageWriter writer, TParameters parameters, LinkEncodingContext context);

    /// <inheritdoc cref="ILinkKindDriver.Read"/>
    public abstract TParameters Read(AttributeList? infoData);

    public virtual string Noun => "interface";

    /// <inheritdoc cref="ILinkKindDriver.WithUnderlay"/>
    public virtual TParameters WithUnderlay(TParameters parameters, int underlayIndex) =>
        throw new ArgumentException($"a {Kind} link has no underlay device", nameof(underlayIndex));

    /// <inheritdoc cref="ILinkKindDriver.ExplainRefusal"/>
    public virtual NetlinkException? ExplainRefusal(NetlinkException error, Link link, TParameters parameters, RtnetlinkClient client) => null;

    LinkKindParameters ILinkKindDriver.WithUnderlay(LinkKindParameters parameters, int underlayIndex) => WithUnderlay(Typed(parameters), underlayIndex);

    NetlinkException? ILinkKindDriver.ExplainRefusal(NetlinkException error, Link link, RtnetlinkClient client) =>
        link.KindParameters is TParameters parameters ? ExplainRefusal(error, link, parameters, client) : null;

    void ILinkKindDriver.WriteInfoData(MessageWriter writer, LinkKindParameters parameters, LinkEncodingContext context) =>
        WriteInfoData(writer, Typed(parameters), context);

    LinkKindParameters ILinkKindDriver.Read(AttributeList? infoData) => Read(infoData);

    private TParameters Typed(LinkKindParameters parameters) => parameters as TParameters
        ?? throw new ArgumentException($"the {Kind} driver cannot take parameters of kind '{parameters.Kind}'", nameof(parameters));
}
