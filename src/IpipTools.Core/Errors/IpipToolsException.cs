namespace IpipTools.Core.Errors;

/// <summary>
/// The one base type for every failure IpipTools reports. It carries what a
/// PowerShell ErrorRecord needs (a stable id, a category, the target object and a
/// recommended action) so that the module's cmdlets only translate, never decide.
/// </summary>
public class IpipToolsException : Exception
{
    public IpipToolsException(
        string message,
        string errorId,
        IpipErrorCategory category,
        string? recommendedAction = null,
        object? target = null,
        Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Category = category;
        RecommendedAction = recommendedAction;
        Target = target;
    }

    /// <summary>A stable identifier for this failure path, e.g. <c>LinkNameTaken</c>.</summary>
    public string ErrorId { get; }

    public IpipErrorCategory Category { get; }

    /// <summary>What the user can do about it, in one sentence; null when nothing helps.</summary>
    public string? RecommendedAction { get; }

    /// <summary>The object the failed operation was about (a name, an address, a spec).</summary>
    public object? Target { get; }
}
