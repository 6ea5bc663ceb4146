namespace IpipTools.Core.Diagnostics;

/// <summary>The outcome of one preflight check.</summary>
public enum SupportStatus
{
    /// <summary>Fine as it is.</summary>
    Pass,

    /// <summary>Works, but may surprise (drops, fragmentation); the check says why.</summary>
    Warning,

    /// <summary>Tunnels will not work until this is fixed.</summary>
    Fail,

    /// <summary>Could not be checked here (e.g. nothing to check, or no permission).</summary>
    Skipped,
}
