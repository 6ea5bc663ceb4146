namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// The base of the IPv4-outer tunnel drivers (ipip, gre, sit): what a builder of links asks of
/// a tunnel kind (<see cref="ITunnelKind"/>) is answered here for every such kind, from its
/// parameters record; a kind with settings of its own (gre's keys) lists them in
/// <see cref="OwnSettings"/>.
/// </summary>
internal abstract class Ipv4TunnelDriver<TParameters> : LinkKindDriver<TParameters>, ITunnelKind
    where TParameters : Ipv4TunnelParameters, new()
{
    /// <summary>Tunnels come last: their underlay (a veth, a bridge) must exist first.</summary>
    private const int TunnelRank = 2;

    public LinkRole Role => LinkRole.Tunnel;

    public int CreationRank => TunnelRank;

    public LinkKindParameters CreationDefaults => TunnelDefaults;

    public Ipv4TunnelParameters TunnelDefaults => new TParameters();

    public string FallbackDeviceName => new TParameters().FallbackDeviceName;

    public abstract string KernelModule { get; }

    public abstract string KernelConfigOption { get; }

    public virtual IReadOnlyList<KindSetting> OwnSettings => [];

    public virtual IReadOnlyList<string> Modes => [Kind];

    public virtual Ipv4TunnelParameters DefaultsFor(string mode) => TunnelDefaults;

    /// <summary>A setting of this kind's own, typed: <paramref name="get"/> and <paramref name="set"/> see this kind's parameters only.</summary>
    protected static KindSetting Setting(string name, long minimum, long maximum, Func<TParameters, long?> get, Func<TParameters, long?, TParameters> set) =>
        new(name, minimum, maximum,
            p => p is TParameters typed ? get(typed) : null,
            (p, value) => p is TParameters typed ? set(typed, value) : p);
}
