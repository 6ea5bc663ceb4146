using IpipTools.Core.DesiredState;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// The base of the IPv4-outer tunnel drivers (ipip, gre, sit): what topologies ask of a
/// tunnel kind (<see cref="ITopologyTunnelKind"/>) is answered here for every such kind,
/// from its parameters record; a kind with settings of its own (gre's keys) overrides the
/// option members.
/// </summary>
internal abstract class Ipv4TunnelDriver<TParameters> : LinkKindDriver<TParameters>, ITopologyTunnelKind
    where TParameters : Ipv4TunnelParameters, new()
{
    /// <summary>Tunnels come last: their underlay (a veth, a bridge) must exist first.</summary>
    private const int TunnelRank = 2;

    public TopologyRole Role => TopologyRole.Tunnel;

    public int CreationRank => TunnelRank;

    public LinkKindParameters CreationDefaults => TunnelDefaults;

    public Ipv4TunnelParameters TunnelDefaults => new TParameters();

    public string FallbackDeviceName => new TParameters().FallbackDeviceName;

    public abstract string KernelModule { get; }

    public abstract string KernelConfigOption { get; }

    public virtual TunnelOptions ReadOptions(DataMapReader entry) => TunnelOptions.None;

    public virtual IEnumerable<KeyValuePair<string, object>> WriteOptions(TunnelOptions options) => [];

    public TunnelOptions OptionsOf(Ipv4TunnelParameters parameters) =>
        parameters is TParameters typed ? OptionsOf(typed) : TunnelOptions.None;

    public Ipv4TunnelParameters WithOptions(Ipv4TunnelParameters parameters, TunnelOptions options) =>
        parameters is TParameters typed ? WithOptions(typed, options) : parameters;

    /// <inheritdoc cref="ITopologyTunnelKind.OptionsOf"/>
    protected virtual TunnelOptions OptionsOf(TParameters parameters) => TunnelOptions.None;

    /// <inheritdoc cref="ITopologyTunnelKind.WithOptions"/>
    protected virtual TParameters WithOptions(TParameters parameters, TunnelOptions options) => parameters;
}
