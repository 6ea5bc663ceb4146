using IpipTools.Core.Errors;

namespace IpipTools.Core.Interop;

/// <summary>
/// A libc call failed. Carries the operation (the call and what it was about)
/// and the errno, so a message like "setns(/run/netns/lab) failed: EPERM" can say
/// exactly what went wrong.
/// </summary>
public sealed class SystemCallException : IpipToolsException
{
    public SystemCallException(string operation, int errno, string? explanation = null, string? recommendedAction = null, string? errorId = null)
        : base(
            $"{operation} failed: {explanation ?? Errno.Describe(errno)} ({Errno.Name(errno)}).",
            errorId ?? "SystemCallFailed",
            ErrnoCategories.FromErrno(errno),
            recommendedAction ?? DefaultAction(errno),
            operation)
    {
        Operation = operation;
        ErrorNumber = errno;
    }

    public string Operation { get; }

    public int ErrorNumber { get; }

    public string ErrorName => Errno.Name(ErrorNumber);

    private static string? DefaultAction(int errno) => errno == Errno.EPERM || errno == Errno.EACCES
        ? "Run as root, or give the process CAP_NET_ADMIN and CAP_SYS_ADMIN."
        : null;
}
