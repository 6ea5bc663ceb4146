namespace IpipTools.Core.Errors;

/// <summary>
/// The undo of a half-made change (an add whose read-back failed, the first end of a pair
/// whose second failed). It runs while another failure is on its way to the caller, and
/// that failure is the one to report: a failing undo must not replace it.
/// </summary>
public static class BestEffortUndo
{
    public static void Run(Action undo)
    {
        try
        {
            undo();
        }
        catch (IpipToolsException)
        {
            // Netlink and system-call failures derive from IpipToolsException; the caller
            // rethrows the failure that made it undo.
        }
    }
}
