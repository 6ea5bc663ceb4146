using System.Management.Automation;
using System.Management.Automation.Host;
using IpipTools.Completers;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;
using NetNs = IpipTools.Core.Namespaces.NetNamespace;

namespace IpipTools.Namespaces;

/// <summary>
/// Enters a namespace, as Enter-PSSession enters a computer: a pwsh is started inside it
/// (<see cref="NamespaceShell"/>) and pushed onto the host, so everything typed at the prompt
/// afterwards (cmdlets, native programs, scripts) runs there, under a prompt that names it,
/// until <c>exit</c> or Exit-NetNamespace. The caller's own threads never move.
/// <para>
/// It also makes the namespace the default of IpipTools cmdlets in this session (a stack that
/// Exit-NetNamespace pops): a host pushes a runspace only between commands, so the rest of a
/// script that entered still runs here, and its IpipTools cmdlets follow the default. A host
/// that cannot push a runspace (a hosted runspace) gets only the default, and a warning that
/// says so and what to use instead.
/// </para>
/// </summary>
[Cmdlet(VerbsCommon.Enter, "NetNamespace")]
[OutputType(typeof(NetNs))]
public sealed class EnterNetNamespaceCommand : IpipCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("NetNamespace")]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string Name { get; set; } = string.Empty;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessItem()
    {
        if (NamespaceShell.EnteredHere is { } entered && InteractiveSession.IsServer(Host))
        {
            throw new IpipToolsException(
                $"This session is already inside namespace '{entered}' (entered with Enter-NetNamespace); an entered namespace cannot enter another.",
                "NamespaceAlreadyEntered", IpipErrorCategory.InvalidOperation,
                $"Leave it with Exit-NetNamespace (or exit), then run Enter-NetNamespace {Name}; or use Invoke-NetNamespaceCommand -NetNamespace {Name} -ScriptBlock {{ ... }} from here.", Name);
        }

        var session = NamespaceSession.For(Session);
        if (session.Depth > 0)
        {
            // A script (or a host without a prompt) that entered already: entering again would
            // only stack defaults, while the prompt's session, if any, follows the first entry.
            throw new IpipToolsException(
                $"This session has already entered namespace '{session.Current.Namespace}' (with Enter-NetNamespace); an entered namespace cannot enter another.",
                "NamespaceAlreadyEntered", IpipErrorCategory.InvalidOperation,
                $"Run Exit-NetNamespace first, then Enter-NetNamespace {Name}; or give -NetNamespace {Name} to the commands that must run there.", Name);
        }

        var target = session.Enter(Name);
        WritePassThru(PassThru, target);

        var host = InteractiveSession.Of(Host);
        if (host is null)
        {
            WriteWarning(
                $"This host ({Host.Name}) cannot enter an interactive session, so only IpipTools cmdlets here default to namespace '{Name}'; " +
                $"native programs and scripts still run in the current namespace. To run them inside, use Invoke-NetNamespaceCommand -NetNamespace {Name} -ScriptBlock {{ ... }}.");
            return;
        }

        if (host.IsRunspacePushed)
        {
            // A script that entered before: its shell is already pushed, and the prompt goes there when the script ends.
            return;
        }

        Push(host, session, target);
        if (!TypedAtPrompt)
        {
            // The host pushes the shell only when this script ends: until then what it runs
            // natively (ip route add ...) runs here, and would change this namespace unseen.
            WriteWarning(
                $"Only IpipTools cmdlets in this script now default to namespace '{Name}'; native programs it runs (ip, ping, ...) still run in the current namespace, " +
                $"and the prompt moves into '{Name}' only when the script ends. To run a native program inside, use Invoke-NetNamespaceCommand -NetNamespace {Name} -- PROGRAM ARGUMENTS.");
        }
    }

    /// <summary>
    /// Typed at the host's prompt, rather than run by a script, a function or pwsh -File:
    /// only then does what comes next run in the pushed shell.
    /// </summary>
    private bool TypedAtPrompt => MyInvocation.CommandOrigin == CommandOrigin.Runspace && string.IsNullOrEmpty(MyInvocation.ScriptName);

    private void Push(IHostSupportsInteractiveSession host, NamespaceSession session, NetNs target)
    {
        var depth = session.Depth;
        NamespaceShell shell;
        try
        {
            shell = NamespaceShell.Open(target, Host, SessionState.Path.CurrentFileSystemLocation.Path, NamespaceShell.ModuleToImport(MyInvocation), forPrompt: true);
        }
        catch
        {
            session.ExitTo(depth - 1);
            throw;
        }

        shell.EnteredAtDepth = depth;

        // Left with exit (the host pops and closes the runspace): the default it set goes too.
        shell.Closed += () => session.ExitTo(depth - 1);
        try
        {
            host.PushRunspace(shell.Runspace);
        }
        catch (Exception e)
        {
            shell.Close();
            throw new IpipToolsException(
                $"Cannot enter namespace '{shell.Label}': the host refused the session ({e.Message}).",
                "NamespaceShellNotPushed", IpipErrorCategory.InvalidOperation,
                $"Use Invoke-NetNamespaceCommand -NetNamespace {shell.Label} -ScriptBlock {{ ... }} instead.", shell.Label, e);
        }
    }
}
