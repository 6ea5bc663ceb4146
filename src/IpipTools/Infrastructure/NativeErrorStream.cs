using System.Management.Automation;
using System.Reflection;

namespace IpipTools.Infrastructure;

/// <summary>
/// Writes a line of a native program's standard error to the error stream the way
/// PowerShell writes a native command's: the record is an error (2>&amp;1, -ErrorVariable and
/// $Error see it) but does not interact with the error preference, so
/// $ErrorActionPreference = 'Stop' does not stop at the first warning a program prints.
/// Cmdlet.WriteError cannot do that; the engine's own writer (MshCommandRuntime.
/// _WriteErrorSkipAllowCheck with isFromNativeStdError, PowerShell 7.2 and later) can, and is
/// found by reflection. Should a later PowerShell change it, WriteError is used instead.
/// </summary>
internal static class NativeErrorStream
{
    private static readonly MethodInfo? EngineWriter = typeof(PSCmdlet).Assembly
        .GetType("System.Management.Automation.MshCommandRuntime")?
        .GetMethod("_WriteErrorSkipAllowCheck", BindingFlags.Instance | BindingFlags.NonPublic, null,
            new[] { typeof(ErrorRecord), typeof(ActionPreference?), typeof(bool) }, null);

    public static void Write(Cmdlet cmdlet, ErrorRecord record)
    {
        if (EngineWriter is not null && EngineWriter.DeclaringType!.IsInstanceOfType(cmdlet.CommandRuntime))
        {
            EngineWriter.Invoke(cmdlet.CommandRuntime, new object?[] { record, null, true });
        }
        else
        {
            cmdlet.WriteError(record);
        }
    }
}
