using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Rtnl.Tunnels;

/// <summary>A tunnel to create: name, kind parameters (e.g. <see cref="IpipParameters"/>) and device settings.</summary>
public sealed record TunnelSpec(string Name, LinkKindParameters Parameters)
{
    /// <summary>Name of the underlay device to bind to (sets IFLA_IPTUN_LINK); overrides the index in the parameters.</summary>
    public string? UnderlayDevice { get; init; }

    /// <summary>MTU; null lets the kernel derive it (underlay MTU minus the tunnel overhead).</summary>
    public int? Mtu { get; init; }

    public bool Up { get; init; }

    public string? Alias { get; init; }
}
