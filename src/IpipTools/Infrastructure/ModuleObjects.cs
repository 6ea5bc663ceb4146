namespace IpipTools.Infrastructure;

/// <summary>
/// The kinds of object IpipTools writes, as a cmdlet that changes or removes something
/// declares which of them it acts on when they are piped in (<see cref="PipedObjectGuard"/>).
/// </summary>
[Flags]
public enum ModuleObjects
{
    None = 0,
    Link = 1 << 0,
    Tunnel = 1 << 1,
    Address = 1 << 2,
    Route = 1 << 3,
    Namespace = 1 << 4,
    Forwarding = 1 << 5,
    Fixture = 1 << 6,
    Plan = 1 << 7,

    /// <summary>Topology data as Get-IpipTopology writes it.</summary>
    Topology = 1 << 9,

    /// <summary>IPsec security associations as Get-XfrmState writes them.</summary>
    XfrmState = 1 << 13,

    /// <summary>IPsec policies as Get-XfrmPolicy writes them.</summary>
    XfrmPolicy = 1 << 14,

    /// <summary>What the module writes that no cmdlet acts on: support checks, command results, apply and host results.</summary>
    Report = 1 << 8,

    /// <summary>Policy routing rules, as Get-IpRule writes them.</summary>
    Rule = 1 << 10,

    /// <summary>ARP and NDP entries, as Get-IpNeighbor writes them.</summary>
    Neighbor = 1 << 11,

    /// <summary>Bridge forwarding database entries, as Get-BridgeFdbEntry writes them.</summary>
    BridgeFdbEntry = 1 << 12,
}
