using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.DesiredState.Kinds;

/// <summary>
/// The link kinds topologies manage: the drivers in <see cref="LinkKindRegistry"/> that
/// answer <see cref="ICreatableKind"/>. Desired state finds a kind here by its name or its
/// role and asks it what it needs, instead of naming kinds itself.
/// </summary>
internal static class TopologyKinds
{
    public static readonly IReadOnlyList<ICreatableKind> All = LinkKindRegistry.Drivers.OfType<ICreatableKind>().ToList();

    /// <summary>The kind whose links are made with their peer (veth).</summary>
    public static readonly IPairKind Pair = All.OfType<IPairKind>().Single();

    /// <summary>The kind whose links take ports (bridge).</summary>
    public static readonly ICreatableKind Bridge = All.Single(k => k.Role == LinkRole.Bridge);

    public static readonly IReadOnlyList<ITunnelKind> Tunnels = All.OfType<ITunnelKind>().ToList();

    /// <summary>The tunnel kind of a topology entry without a Mode: the one IpipTools is named after.</summary>
    public static readonly ITunnelKind DefaultTunnel = Tunnels.Single(k => k.Kind == LinkKindRegistry.KindOf<IpipParameters>());

    /// <summary>Every tunnel mode a topology can state, in the kinds' order: each kind's name and its flavours (sit's isatap).</summary>
    public static readonly IReadOnlyList<string> TunnelModes = Tunnels.SelectMany(k => k.Modes).ToList();

    /// <summary>The rank of links without a kind (devices IpipTools only configures): with the last kinds.</summary>
    private static readonly int DeviceRank = All.Max(k => k.CreationRank);

    /// <summary>The kind named <paramref name="kind"/> (as the kernel spells it); null for a kind topologies do not manage, or none.</summary>
    public static ICreatableKind? Find(string? kind) => kind is null ? null : All.FirstOrDefault(k => k.Kind == kind);

    /// <summary>
    /// The tunnel kind that makes <paramref name="mode"/>, in any letter case: the kind of that
    /// name, or the kind a flavour belongs to (sit for isatap); null if there is none.
    /// </summary>
    public static ITunnelKind? FindTunnel(string? mode) =>
        mode is null ? null : Tunnels.FirstOrDefault(k => k.Modes.Contains(mode, StringComparer.OrdinalIgnoreCase));

    /// <summary>The tunnel kind that makes <paramref name="mode"/>, which a topology has already been checked to hold.</summary>
    public static ITunnelKind Tunnel(string mode) =>
        FindTunnel(mode) ?? throw new ArgumentException($"no topology tunnel kind '{mode}'", nameof(mode));

    /// <summary>
    /// The parameters of a new tunnel in <paramref name="mode"/> (any case) when a topology states
    /// nothing else: its kind's defaults, with the flavour set (the ISATAP flag for isatap).
    /// </summary>
    public static Ipv4TunnelParameters DefaultsFor(string mode)
    {
        var kind = Tunnel(mode);
        return kind.DefaultsFor(kind.Modes.First(m => string.Equals(m, mode, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The defaults of <paramref name="tunnel"/>'s mode: what a topology that states nothing else would make of it.</summary>
    public static Ipv4TunnelParameters DefaultsOf(Ipv4TunnelParameters tunnel) => DefaultsFor(tunnel.Mode);

    public static bool IsPair(string? kind) => kind is not null && kind == Pair.Kind;

    public static bool IsBridge(string? kind) => kind is not null && kind == Bridge.Kind;

    public static int RankOf(string? kind) => Find(kind)?.CreationRank ?? DeviceRank;

    /// <summary>Every tunnel mode, quoted, as a list in words: "'a', 'b' or 'c'".</summary>
    public static string TunnelModeList
    {
        get
        {
            var names = TunnelModes.Select(m => $"'{m}'").ToList();
            return names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
        }
    }
}
