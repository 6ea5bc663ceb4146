namespace IpipTools.Core.Errors;

/// <summary>
/// What kind of failure an <see cref="IpipToolsException"/> is. The names follow
/// PowerShell's ErrorCategory so the module can map one to the other by name,
/// without the core depending on PowerShell.
/// </summary>
public enum IpipErrorCategory
{
    NotSpecified,
    InvalidArgument,
    ObjectNotFound,
    ResourceExists,
    PermissionDenied,
    NotInstalled,
    ResourceUnavailable,
    InvalidOperation,
    ProtocolError,
    ResourceBusy,
    LimitsExceeded,
}
