using System.Net;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// What every IP tunnel kind (ipip, gre, sit) has in common, so tunnel operations
/// and objects work the same for each; a kind adds its own extras on its record.
/// </summary>
public interface ITunnelParameters
{
    string Kind { get; }

    IPAddress? Local { get; }

    IPAddress? Remote { get; }

    byte Ttl { get; }

    byte Tos { get; }

    bool PathMtuDiscovery { get; }

    int UnderlayIndex { get; }

    bool CollectMetadata { get; }

    uint FirewallMark { get; }

    TunnelEncapsulation Encapsulation { get; }

    /// <summary>The name of the fallback device this kind's module creates in every namespace (tunl0 for ipip).</summary>
    string FallbackDeviceName { get; }

    /// <summary>The same parameters bound to another underlay device.</summary>
    ITunnelParameters WithUnderlay(int underlayIndex);
}
