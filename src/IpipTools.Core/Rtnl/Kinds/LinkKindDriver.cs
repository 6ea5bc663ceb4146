using IpipTools.Core.Netlink;

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

    void ILinkKindDriver.WriteInfoData(MessageWriter writer, LinkKindParameters parameters, LinkEncodingContext context) =>
        WriteInfoData(writer, parameters as TParameters
            ?? throw new ArgumentException($"the {Kind} driver cannot encode parameters of kind '{parameters.Kind}'", nameof(parameters)), context);

    LinkKindParameters ILinkKindDriver.Read(AttributeList? infoData) => Read(infoData);
}
