namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// What is asked of an IP tunnel kind's driver beyond <see cref="ICreatableKind"/>: the
/// fallback device its module owns, the module itself, and the settings of its own that a
/// description of a tunnel carries besides the ones every tunnel has (<see cref="OwnSettings"/>).
/// </summary>
internal interface ITunnelKind : ICreatableKind
{
    /// <summary>A new tunnel's parameters when nothing is stated: the kernel's and iproute2's defaults.</summary>
    Ipv4TunnelParameters TunnelDefaults { get; }

    /// <summary>The device the kind's module creates in every namespace (tunl0 for ipip); never created or changed by IpipTools.</summary>
    string FallbackDeviceName { get; }

    /// <summary>The modes of <c>ip tunnel</c> this kind makes: its kind name, and any variant of it (sit's isatap).</summary>
    IReadOnlyList<string> Modes { get; }

    /// <summary>A new tunnel's parameters in <paramref name="mode"/> (one of <see cref="Modes"/>) when nothing else is stated.</summary>
    Ipv4TunnelParameters DefaultsFor(string mode);

    /// <summary>The kind's own settings (a gre tunnel's keys), in the order they are written; empty for most kinds.</summary>
    IReadOnlyList<KindSetting> OwnSettings { get; }
}
