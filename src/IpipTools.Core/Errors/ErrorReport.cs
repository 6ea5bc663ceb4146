using System.ComponentModel;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Errors;

/// <summary>
/// Everything a PowerShell ErrorRecord carries, decided here so the module only copies
/// fields: a stable error id, a category named as PowerShell's ErrorCategory names it,
/// the target object, the message for ErrorDetails (with the kernel's extended-ACK
/// text), and a recommended action.
/// </summary>
public sealed record ErrorReport(
    string ErrorId,
    IpipErrorCategory Category,
    object? Target,
    string Message,
    string? KernelMessage,
    string? RecommendedAction)
{
    /// <summary>PowerShell's ErrorCategory member of the same name.</summary>
    public string CategoryName => Category.ToString();

    /// <summary>
    /// Whether <paramref name="e"/> is a failure to report to the user as an error
    /// record. Anything else (a pipeline being stopped, a bug) keeps propagating.
    /// </summary>
    public static bool IsReportable(Exception e) =>
        e is IpipToolsException or IOException or UnauthorizedAccessException or ArgumentException or Win32Exception;

    public static ErrorReport From(Exception e) => e switch
    {
        NetlinkException n => new(n.ErrorId, n.Category, n.Target, n.Message, n.KernelMessage, n.RecommendedAction),
        IpipToolsException i => new(i.ErrorId, i.Category, i.Target, i.Message, null, i.RecommendedAction),
        UnauthorizedAccessException => new("PermissionDenied", IpipErrorCategory.PermissionDenied, null, e.Message, null,
            "Run as root, or give the process CAP_NET_ADMIN and CAP_SYS_ADMIN."),
        FileNotFoundException f => new("FileNotFound", IpipErrorCategory.ObjectNotFound, f.FileName, e.Message, null, null),
        DirectoryNotFoundException => new("FileNotFound", IpipErrorCategory.ObjectNotFound, null, e.Message, null, null),
        IOException => new("IOFailed", IpipErrorCategory.ResourceUnavailable, null, e.Message, null, null),
        ArgumentException a => new("InvalidArgument", IpipErrorCategory.InvalidArgument, a.ParamName, e.Message, null, null),
        Win32Exception => new("SystemCallFailed", IpipErrorCategory.NotSpecified, null, e.Message, null, null),
        _ => new("UnexpectedFailure", IpipErrorCategory.NotSpecified, null, e.Message, null, null),
    };
}
