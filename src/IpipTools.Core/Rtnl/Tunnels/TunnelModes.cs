using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Rtnl.Tunnels;

/// <summary>
/// The modes of <c>ip tunnel</c> IpipTools makes (ipip, gre, sit, isatap, vti), found through
/// the kind registry: every tunnel driver names its modes, so a new tunnel driver adds its
/// mode here with no edit.
/// </summary>
public static class TunnelModes
{
    private static readonly IReadOnlyList<ITunnelKind> Kinds = LinkKindRegistry.Drivers.OfType<ITunnelKind>().ToList();

    /// <summary>Every mode, in the registry's order of kinds.</summary>
    public static IReadOnlyList<string> Names { get; } = Kinds.SelectMany(k => k.Modes).ToList();

    /// <summary>The parameters of a new tunnel in <paramref name="mode"/> (any case) when nothing else is stated.</summary>
    public static Ipv4TunnelParameters DefaultsFor(string mode)
    {
        var name = Require(mode);
        return Kinds.First(k => k.Modes.Contains(name)).DefaultsFor(name);
    }

    /// <summary>The mode's name as the kernel's tools spell it (lower case); an unknown mode is refused, listing the modes.</summary>
    public static string Require(string mode)
    {
        var name = mode.Trim().ToLowerInvariant();
        return Names.Contains(name)
            ? name
            : throw new IpipToolsException($"'{mode}' is not a tunnel mode IpipTools makes.", "UnknownTunnelMode",
                IpipErrorCategory.InvalidArgument, $"Give -Mode one of: {string.Join(", ", Names)}.", mode);
    }
}
