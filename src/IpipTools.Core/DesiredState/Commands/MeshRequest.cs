using IpipTools.Core.Namespaces;

namespace IpipTools.Core.DesiredState;

/// <summary>What Set-IpipMesh was given.</summary>
public sealed record MeshRequest
{
    public required NetNamespace Namespace { get; init; }

    public required string Address { get; init; }

    /// <summary>
    /// The peers as data: a hashtable of block → underlay address
    /// (<c>@{ '10.42.2.0/24' = '172.16.165.244' }</c>), or hashtables with Block and Underlay.
    /// </summary>
    public object? Peers { get; init; }

    public string Device { get; init; } = "tunl0";

    public int? RouteMtu { get; init; }

    public int? DeviceMtu { get; init; }

    public uint? Table { get; init; }

    public Func<object?, object?>? Unwrap { get; init; }
}
