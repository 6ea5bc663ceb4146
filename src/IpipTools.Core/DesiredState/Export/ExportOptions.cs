namespace IpipTools.Core.DesiredState.Export;

/// <summary>What <see cref="TopologyExporter"/> includes.</summary>
public sealed record ExportOptions
{
    public static readonly ExportOptions Default = new();

    /// <summary>Only what IpipTools owns: links with its alias, addresses and routes with protocol 73.</summary>
    public bool OwnedOnly { get; init; }
}
