using IpipTools.Core.Namespaces;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// What Test-IpipTopology and Set-IpipTopology were given: a topology (a data file, or data
/// such as a hashtable) or a plan (an object, or a saved JSON file), and how to plan.
/// </summary>
public sealed record TopologyRequest
{
    /// <summary>A .psd1 or .json topology file.</summary>
    public string? Path { get; init; }

    /// <summary>Topology data: a hashtable (as Get-IpipTopology writes it) or anything <see cref="ObjectDataReader"/> reads.</summary>
    public object? Data { get; init; }

    /// <summary>A plan made earlier (Set-IpipTopology -WhatIf writes one).</summary>
    public TopologyPlan? Plan { get; init; }

    /// <summary>A plan saved as JSON.</summary>
    public string? PlanPath { get; init; }

    /// <summary>Where to save the plan instead of applying it.</summary>
    public string? SavePlan { get; init; }

    public bool Prune { get; init; }

    /// <summary>The namespace the topology's current namespace ("") stands for; null or the caller's leaves it as it is.</summary>
    public NetNamespace? CurrentNamespace { get; init; }

    /// <summary>Strips the host's wrappers from <see cref="Data"/> values (PSObject, in the module).</summary>
    public Func<object?, object?>? Unwrap { get; init; }

    /// <summary>Reads a .psd1 file into data with its lines and columns (the module does, with PowerShell's parser; the core has none).</summary>
    public Func<string, DataValue>? ReadPowerShellData { get; init; }

    /// <summary>Turns a path as the user wrote it into a file system path (PowerShell resolves against its own location, not the process's).</summary>
    public Func<string, string>? ResolvePath { get; init; }

    internal string? Resolve(string? path) => path is null || ResolvePath is null ? path : ResolvePath(path);

    /// <summary>A plan was given rather than made now, so the state may have moved since.</summary>
    public bool HasPlan => Plan is not null || PlanPath is not null;
}
