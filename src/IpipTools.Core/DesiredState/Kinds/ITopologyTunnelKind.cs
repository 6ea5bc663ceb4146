using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// What desired state asks of an IP tunnel kind's driver beyond <see cref="ITopologyKind"/>:
/// the fallback device its module owns, and the settings of its own that a topology entry
/// carries besides the ones every tunnel has (<see cref="TunnelConfig"/>), as
/// <see cref="TunnelOptions"/>: how they are read from the entry, written back, read from
/// the kernel's parameters and put into them.
/// </summary>
internal interface ITopologyTunnelKind : ITopologyKind
{
    /// <summary>A new tunnel's parameters when the topology states nothing: the kernel's and iproute2's defaults.</summary>
    Ipv4TunnelParameters TunnelDefaults { get; }

    /// <summary>The device the kind's module creates in every namespace (tunl0 for ipip); never created or changed by a topology.</summary>
    string FallbackDeviceName { get; }

    /// <summary>The kernel module that provides the kind, for a "modprobe" hint.</summary>
    string KernelModule { get; }

    /// <summary>The kernel configuration option that builds it in.</summary>
    string KernelConfigOption { get; }

    /// <summary>Reads the kind's own keys of a topology entry (the reader rejects the keys nobody read).</summary>
    TunnelOptions ReadOptions(DataMapReader entry);

    /// <summary>The kind's own keys for a topology entry, in the order they are written; defaults left out.</summary>
    IEnumerable<KeyValuePair<string, object>> WriteOptions(TunnelOptions options);

    /// <summary>The kind's own settings in <paramref name="parameters"/>, as a topology states them.</summary>
    TunnelOptions OptionsOf(Ipv4TunnelParameters parameters);

    /// <summary><paramref name="parameters"/> with the kind's own settings of <paramref name="options"/>; what a topology does not model is kept.</summary>
    Ipv4TunnelParameters WithOptions(Ipv4TunnelParameters parameters, TunnelOptions options);
}
