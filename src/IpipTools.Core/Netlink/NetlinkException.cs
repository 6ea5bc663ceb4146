using System.Text;
using IpipTools.Core.Errors;
using IpipTools.Core.Interop;

namespace IpipTools.Core.Netlink;

/// <summary>
/// The kernel refused a netlink request. Carries the errno, the kernel's own
/// extended-ACK message and the attribute it pointed at, what we were trying to
/// do, and (when the operation layer knows better than strerror) a plain-words
/// explanation and a recommended action.
/// </summary>
public sealed class NetlinkException : IpipToolsException
{
    public NetlinkException(
        string operation,
        int errno,
        string? kernelMessage = null,
        ushort? offendingAttributeType = null,
        string? explanation = null,
        string? recommendedAction = null,
        string? errorId = null,
        object? target = null)
        : this(operation, errno, kernelMessage, offendingAttributeType, explanation, recommendedAction, errorId, target, kernelTextSaid: true)
    {
    }

    private NetlinkException(
        string operation,
        int errno,
        string? kernelMessage,
        ushort? offendingAttributeType,
        string? explanation,
        string? recommendedAction,
        string? errorId,
        object? target,
        bool kernelTextSaid)
        : base(
            Compose(operation, errno, kernelTextSaid ? kernelMessage : null, offendingAttributeType, explanation),
            errorId ?? DefaultErrorId(errno),
            ErrnoCategories.FromErrno(errno),
            recommendedAction ?? DefaultAction(errno),
            target ?? operation)
    {
        Operation = operation;
        ErrorNumber = errno;
        KernelMessage = kernelMessage;
        OffendingAttributeType = offendingAttributeType;
        Explanation = explanation;
    }

    /// <summary>What was attempted, e.g. "create ipip tunnel 'tun1'".</summary>
    public string Operation { get; }

    public int ErrorNumber { get; }

    public string ErrorName => Errno.Name(ErrorNumber);

    /// <summary>The kernel's extended-ACK text, verbatim, when it sent one.</summary>
    public string? KernelMessage { get; }

    /// <summary>The type of the attribute the kernel rejected (NLMSGERR_ATTR_OFFS resolved against our request).</summary>
    public ushort? OffendingAttributeType { get; }

    public string? Explanation { get; }

    /// <summary>
    /// The same failure with a better explanation from a layer that knows the context
    /// (e.g. EEXIST on creating an ipip tunnel with no endpoints means tunl0 holds them).
    /// </summary>
    public NetlinkException Explain(string explanation, string? recommendedAction, string errorId, object? target = null) =>
        new(Operation, ErrorNumber, KernelMessage, OffendingAttributeType, explanation, recommendedAction, errorId, target ?? Target);

    /// <summary>
    /// As <see cref="Explain"/>, for a refusal the explanation says whole (a name taken, an
    /// address or route that is there or is not): the message leaves the kernel's text out
    /// (<see cref="KernelMessage"/> keeps it), since kernels word these differently or not at
    /// all, and -WhatIf foresees them from what is listed, with no kernel text to quote
    /// (see <see cref="Foreseen"/>). So the refusal reads the same whichever way it came.
    /// </summary>
    public NetlinkException ExplainWhole(string explanation, string? recommendedAction, string errorId, object? target = null) =>
        new(Operation, ErrorNumber, KernelMessage, OffendingAttributeType, explanation, recommendedAction, errorId, target ?? Target, kernelTextSaid: false);

    /// <summary>
    /// The refusal the kernel would give to <paramref name="operation"/>, foreseen from what is
    /// listed rather than sent (-WhatIf and -Confirm check before they speak); the operation's
    /// own explainer words it, as it words the kernel's.
    /// </summary>
    public static NetlinkException Foreseen(string operation, int errno) => new(operation, errno);

    private static string Compose(string operation, int errno, string? kernelMessage, ushort? attribute, string? explanation)
    {
        var text = new StringBuilder();
        text.Append("Cannot ").Append(operation).Append(": ");
        text.Append(explanation ?? Errno.Describe(errno));
        text.Append(" (").Append(Errno.Name(errno)).Append(')');
        if (kernelMessage is not null)
        {
            text.Append(". Kernel says: \"").Append(kernelMessage).Append('"');
        }

        if (attribute is not null)
        {
            text.Append(" (attribute ").Append(attribute.Value).Append(')');
        }

        text.Append('.');
        return text.ToString();
    }

    private static string DefaultErrorId(int errno) => errno switch
    {
        Errno.EEXIST => "AlreadyExists",
        Errno.ENODEV or Errno.ENOENT or Errno.ESRCH => "NotFound",
        Errno.EPERM or Errno.EACCES => "PermissionDenied",
        Errno.EOPNOTSUPP => "NotSupportedByKernel",
        Errno.EINVAL => "InvalidArgument",
        _ => "NetlinkRequestFailed",
    };

    private static string? DefaultAction(int errno) => errno switch
    {
        Errno.EPERM or Errno.EACCES => "Run as root, or give the process CAP_NET_ADMIN.",
        _ => null,
    };
}
