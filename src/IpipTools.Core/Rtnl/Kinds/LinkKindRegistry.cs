namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>The link kinds IpipTools understands, looked up by IFLA_INFO_KIND or by parameters.</summary>
public static class LinkKindRegistry
{
    /// <summary>Every driver, in the order kinds are listed to people.</summary>
    public static readonly IReadOnlyList<ILinkKindDriver> Drivers = new ILinkKindDriver[]
    {
        new VethDriver(),
        new BridgeDriver(),
        new IpipDriver(),
        new GreDriver(),
        new SitDriver(),
        new VtiDriver(),
    };

    private static readonly Dictionary<string, ILinkKindDriver> ByKind = Drivers.ToDictionary(d => d.Kind);

    public static IEnumerable<string> Kinds => ByKind.Keys;

    /// <summary>The kind whose parameters are <typeparamref name="TParameters"/> ("ipip" for IpipParameters).</summary>
    public static string KindOf<TParameters>()
        where TParameters : LinkKindParameters =>
        Drivers.OfType<LinkKindDriver<TParameters>>().SingleOrDefault()?.Kind
            ?? throw new ArgumentException($"no driver for parameters {typeof(TParameters).Name}");

    public static ILinkKindDriver? Find(string? kind) => kind is not null && ByKind.TryGetValue(kind, out var d) ? d : null;

    public static ILinkKindDriver For(LinkKindParameters parameters) =>
        Drivers.FirstOrDefault(d => d.Handles(parameters))
            ?? throw new ArgumentException($"no driver for link kind '{parameters.Kind}'");

    /// <summary>Parameters for a link message's kind, or <see cref="UnknownKindParameters"/>.</summary>
    public static LinkKindParameters? Read(string? kind, Netlink.AttributeList? infoData) =>
        kind is null ? null : Find(kind)?.Read(infoData) ?? new UnknownKindParameters(kind);
}
