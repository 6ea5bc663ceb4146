using System.Collections;
using System.Management.Automation;

namespace IpipTools.Infrastructure;

/// <summary>What an empty -NetNamespace argument is, and the binding error it gets (see <see cref="IpipCmdlet"/>).</summary>
internal static class NamespaceArgument
{
    private const string Message =
        $"Cannot bind parameter '{IpipCmdlet.NamespaceParameter}': the argument is null or empty. " +
        $"Leave -{IpipCmdlet.NamespaceParameter} out to use the session's default namespace (the one Enter-NetNamespace entered last, else the caller's own).";

    /// <summary>Null, '', or a list that is empty or holds a null or ''.</summary>
    public static bool IsMissing(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0,
        PSObject wrapped => IsMissing(wrapped.BaseObject),
        IEnumerable list => !list.Cast<object?>().Any() || list.Cast<object?>().Any(IsMissing),
        _ => false,
    };

    public static ErrorRecord MissingError() => new(new ParameterBindingException(Message), "NetNamespaceNullOrEmpty", ErrorCategory.InvalidArgument, null)
    {
        ErrorDetails = new ErrorDetails(Message)
        {
            RecommendedAction = $"Give the name of a namespace (Get-NetNamespace lists them) or the path of a namespace file, or leave -{IpipCmdlet.NamespaceParameter} out.",
        },
    };
}
