namespace IpipTools.Core.DesiredState;

/// <summary>
/// The other end of a veth pair: its name and the namespace it lives in ("" for the current
/// one). A pair is declared once, from one end; the other end has that end's state and MTU
/// and no bridge unless its own are given here, so that a pair whose ends differ (one a
/// bridge port, each with its own MTU) can be declared too.
/// </summary>
public sealed record VethPeer(string Name, string Namespace)
{
    /// <summary>The other end's state; null: the same as the declared end's.</summary>
    public bool? Up { get; init; }

    /// <summary>The other end's MTU; null: the same as the declared end's.</summary>
    public int? Mtu { get; init; }

    /// <summary>The bridge the other end is a port of (in its own namespace); null for none.</summary>
    public string? Master { get; init; }
}
