using IpipTools.Core.Errors;

namespace IpipTools.Core.Netlink;

/// <summary>
/// Every attempt at a dump came back marked inconsistent (NLM_F_DUMP_INTR): the
/// table kept changing while the kernel walked it.
/// </summary>
public sealed class NetlinkDumpInterruptedException : IpipToolsException
{
    public NetlinkDumpInterruptedException(string operation, int attempts)
        : base(
            $"Cannot {operation}: the kernel reported the dump inconsistent (NLM_F_DUMP_INTR) {Wording.Count(attempts, "time")} in a row because the table kept changing while it was read.",
            "DumpInterrupted",
            IpipErrorCategory.ResourceBusy,
            "Retry when whatever is changing the table at a high rate has settled.",
            operation)
    {
        Attempts = attempts;
    }

    public int Attempts { get; }
}
