using IpipTools.Core.Namespaces;

namespace IpipTools.Core.Rtnl.Links;

/// <summary>
/// What <c>ip link set</c> changes on any link, in one request (<see cref="LinkOperations.Change"/>):
/// each setting left null stays as it is.
/// </summary>
public sealed record LinkChange
{
    /// <summary>Administratively up (true) or down (false).</summary>
    public bool? Up { get; init; }

    public int? Mtu { get; init; }

    /// <summary>The link's new name (ip link set NAME name NEWNAME).</summary>
    public string? NewName { get; init; }

    /// <summary>The new alias; the empty string clears it.</summary>
    public string? Alias { get; init; }

    /// <summary>The bridge to enslave the link to (ip link set NAME master BRIDGE).</summary>
    public string? Master { get; init; }

    /// <summary>Frees the link from its bridge (ip link set NAME nomaster).</summary>
    public bool NoMaster { get; init; }

    /// <summary>The namespace to move the link to (ip link set NAME netns NS).</summary>
    public NetNamespace? NewNamespace { get; init; }

    /// <summary>Whether the change changes nothing.</summary>
    public bool IsEmpty => this == new LinkChange();

    /// <summary>Like the arguments of ip link set: "master br0 mtu 1400 up".</summary>
    public override string ToString() => string.Join(' ', new[]
    {
        NewNamespace is null ? null : $"netns {NewNamespace}",
        Mtu is null ? null : $"mtu {Mtu}",
        NewName is null ? null : $"name {NewName}",
        Alias is null ? null : Alias.Length == 0 ? "alias ''" : $"alias '{Alias}'",
        Master is null ? null : $"master {Master}",
        NoMaster ? "nomaster" : null,
        Up is null ? null : Up.Value ? "up" : "down",
    }.Where(part => part is not null));
}
