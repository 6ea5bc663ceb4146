using System.Management.Automation.Host;

namespace IpipTools.Namespaces;

/// <summary>
/// The host's side of Enter-/Exit-NetNamespace: whether it can push a runspace, whether this
/// runspace is the server end of one, and popping ours.
/// </summary>
internal static class InteractiveSession
{
    /// <summary>
    /// The host as one that pushes runspaces, or null. A cmdlet's Host always implements the
    /// interface and throws NotImplementedException when the real host does not (a hosted
    /// runspace), so asking once tells.
    /// </summary>
    public static IHostSupportsInteractiveSession? Of(PSHost host)
    {
        if (host is not IHostSupportsInteractiveSession interactive || IsServer(host))
        {
            return null;
        }

        try
        {
            _ = interactive.IsRunspacePushed;
            return interactive;
        }
        catch (NotImplementedException)
        {
            return null;
        }
    }

    /// <summary>True in the server end of a remote or entered session (its host forwards to the client's).</summary>
    public static bool IsServer(PSHost host) => host.Name == "ServerRemoteHost";

    /// <summary>The namespace shell the host has pushed (for the prompt after a script), or null.</summary>
    public static NamespaceShell? PushedShell(PSHost host) =>
        Of(host) is { IsRunspacePushed: true } interactive ? NamespaceShell.Of(interactive.Runspace) : null;

    /// <summary>Pops the host's pushed runspace; it closes, and its server ends.</summary>
    public static void Pop(PSHost host) => Of(host)?.PopRunspace();
}
