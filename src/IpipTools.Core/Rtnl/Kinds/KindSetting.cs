namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// One setting that belongs to a tunnel kind alone (a gre tunnel's InputKey), as a whole
/// number between <paramref name="Minimum"/> and <paramref name="Maximum"/>, or null for the
/// kind's default. Only the kind's driver knows it; whoever describes tunnels (a topology)
/// reads, compares and stores it by <paramref name="Name"/> without knowing what it means.
/// </summary>
/// <param name="Get">The setting's value in a tunnel's parameters (which are of the kind).</param>
/// <param name="Set">Those parameters with the setting changed (null: back to the default).</param>
internal sealed record KindSetting(
    string Name,
    long Minimum,
    long Maximum,
    Func<Ipv4TunnelParameters, long?> Get,
    Func<Ipv4TunnelParameters, long?, Ipv4TunnelParameters> Set);
