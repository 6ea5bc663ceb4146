using System.Management.Automation;
using IpipTools.Core.Errors;

namespace IpipTools.Infrastructure;

/// <summary>
/// The one place an exception becomes an ErrorRecord. The core decides every field
/// (<see cref="ErrorReport"/>); this only copies them into PowerShell's types: the
/// category by name (IpipErrorCategory names are ErrorCategory names), the error id,
/// the target, and ErrorDetails with the full message (kernel text included) and the
/// recommended action.
/// </summary>
public static class ErrorRecords
{
    public static ErrorRecord From(Exception exception) => From(exception, ErrorReport.From(exception).Target);

    /// <summary>As <see cref="From(Exception)"/>, naming <paramref name="target"/> (a pipeline's input item) as what failed.</summary>
    public static ErrorRecord From(Exception exception, object? target)
    {
        var report = ErrorReport.From(exception);
        var category = Enum.TryParse<ErrorCategory>(report.CategoryName, out var parsed) ? parsed : ErrorCategory.NotSpecified;
        return new ErrorRecord(exception, report.ErrorId, category, target)
        {
            ErrorDetails = new ErrorDetails(report.Message) { RecommendedAction = report.RecommendedAction ?? string.Empty },
        };
    }

    /// <summary>
    /// One line a native program wrote to standard error, as PowerShell itself records a
    /// native command's: a RemoteException carrying the text, id NativeCommandError, the line
    /// as its target, so that the record prints as the line.
    /// </summary>
    public static ErrorRecord FromStandardError(string line, string program) =>
        new(new RemoteException(line), "NativeCommandError", ErrorCategory.NotSpecified, line)
        {
            ErrorDetails = new ErrorDetails(line) { RecommendedAction = $"Read what {program} says; it wrote this to its standard error." },
        };
}
