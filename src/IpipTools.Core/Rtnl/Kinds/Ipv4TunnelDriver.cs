using IpipTools.Core.Errors;
using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Links;

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

    public bool HasHardwareAddress => false;

    public int CreationRank => TunnelRank;

    public LinkKindParameters CreationDefaults => TunnelDefaults;

    public Ipv4TunnelParameters TunnelDefaults => new TParameters();

    public string FallbackDeviceName => new TParameters().FallbackDeviceName;

    public abstract string KernelModule { get; }

    public abstract string KernelConfigOption { get; }

    public virtual IReadOnlyList<KindSetting> OwnSettings => [];

    public virtual IReadOnlyList<string> Modes => [Kind];

    public virtual Ipv4TunnelParameters DefaultsFor(string mode) => TunnelDefaults;

    public override string Noun => "tunnel";

    public override TParameters WithUnderlay(TParameters parameters, int underlayIndex) => parameters with { UnderlayIndex = underlayIndex };

    /// <summary>
    /// EEXIST on a tunnel whose name is free (the link operations have ruled out a taken name)
    /// means another tunnel of the same kind already has the same endpoints and underlay: the
    /// kernel keys tunnels by them. With no endpoints at all that other tunnel is the fallback device (tunl0).
    /// </summary>
    public override NetlinkException? ExplainRefusal(NetlinkException error, Link link, TParameters parameters, RtnetlinkClient client)
    {
        if (error.ErrorNumber != Errno.EEXIST)
        {
            return null;
        }

        var twin = client.Tunnels.List(Kind).FirstOrDefault(t => t.Name != link.Name
            && Equals(t.Local, parameters.Local) && Equals(t.Remote, parameters.Remote) && t.UnderlayIndex == parameters.UnderlayIndex);
        var endpoints = $"local {parameters.Local?.ToString() ?? "any"}, remote {parameters.Remote?.ToString() ?? "any"}";
        if (parameters.Local is null && parameters.Remote is null && parameters.UnderlayIndex == 0)
        {
            return error.Explain(
                $"{Wording.WithArticle(Kind)} tunnel with no local or remote address would be the fallback device '{twin?.Name ?? parameters.FallbackDeviceName}', which already holds that empty parameter set; the kernel allows one tunnel per set of endpoints",
                $"Give the tunnel a local and/or remote address (or an underlay device), or use '{parameters.FallbackDeviceName}' itself for a point-to-multipoint tunnel.",
                "TunnelParametersTaken", link.Name);
        }

        return error.Explain(
            $"tunnel '{twin?.Name ?? "(another)"}' already uses the same endpoints ({endpoints}); the kernel allows one {Kind} tunnel per set of endpoints",
            "Change the local or remote address, bind to another underlay device, or reuse the existing tunnel.",
            "TunnelParametersTaken", link.Name);
    }

    /// <summary>A setting of this kind's own, typed: <paramref name="get"/> and <paramref name="set"/> see this kind's parameters only.</summary>
    protected static KindSetting Setting(string name, long minimum, long maximum, Func<TParameters, long?> get, Func<TParameters, long?, TParameters> set) =>
        new(name, minimum, maximum,
            p => p is TParameters typed ? get(typed) : null,
            (p, value) => p is TParameters typed ? set(typed, value) : p);
}
