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

    /// <summary>The rank of links without a kind (devices IpipTools only configures): with the last kinds.</summary>
    private static readonly int DeviceRank = All.Max(k => k.CreationRank);

    /// <summary>The kind named <paramref name="kind"/> (as the kernel spells it); null for a kind topologies do not manage, or none.</summary>
    public static ICreatableKind? Find(string? kind) => kind is null ? null : All.FirstOrDefault(k => k.Kind == kind);

    /// <summary>The tunnel kind named <paramref name="mode"/>, in any letter case; null if there is none.</summary>
    public static ITunnelKind? FindTunnel(string? mode) =>
        mode is null ? null : Tunnels.FirstOrDefault(k => string.Equals(k.Kind, mode, StringComparison.OrdinalIgnoreCase));

    /// <summary>The tunnel kind named <paramref name="mode"/>, which a topology has already been checked to hold.</summary>
    public static ITunnelKind Tunnel(string mode) =>
        FindTunnel(mode) ?? throw new ArgumentException($"no topology tunnel kind '{mode}'", nameof(mode));

    public static bool IsPair(string? kind) => kind is not null && kind == Pair.Kind;

    public static bool IsBridge(string? kind) => kind is not null && kind == Bridge.Kind;

    public static int RankOf(string? kind) => Find(kind)?.CreationRank ?? DeviceRank;

    /// <summary>"'ipip', 'gre' or 'sit'".</summary>
    public static string TunnelModeList
    {
        get
        {
            var names = Tunnels.Select(k => $"'{k.Kind}'").ToList();
            return names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
        }
    }
}
