using System.Runtime.InteropServices;

namespace IpipTools.Core.Interop;

/// <summary>Checks libc return values and turns failures into <see cref="SystemCallException"/>.</summary>
internal static class SystemCall
{
    /// <summary>Returns <paramref name="result"/> if non-negative, otherwise throws with the errno just captured.</summary>
    public static int Check(int result, string operation)
    {
        if (result < 0)
        {
            throw new SystemCallException(operation, Marshal.GetLastPInvokeError());
        }

        return result;
    }

    public static nint Check(nint result, string operation)
    {
        if (result < 0)
        {
            throw new SystemCallException(operation, Marshal.GetLastPInvokeError());
        }

        return result;
    }

    /// <summary>The errno of the most recent failed P/Invoke on this thread.</summary>
    public static int LastErrno => Marshal.GetLastPInvokeError();
}
