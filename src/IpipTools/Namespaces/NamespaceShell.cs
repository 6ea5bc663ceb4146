using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Runtime.CompilerServices;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;

namespace IpipTools.Namespaces;

/// <summary>
/// A pwsh started inside a network namespace, attached as an out-of-process runspace: what
/// Enter-NetNamespace pushes onto the host (as Enter-PSHostProcess pushes its runspace) and
/// what Invoke-NetNamespaceCommand -ScriptBlock runs a script block in. Everything that
/// runs there (cmdlets, native programs, scripts) runs in the namespace, because the whole
/// process is; no thread of the caller moves.
/// <para>
/// The server is this shell's own pwsh, started (by the core's <see cref="NamespaceProcess"/>,
/// from a thread inside the namespace) to wait for the end of its standard input, which this
/// process holds: it ends when the runspace closes, or when this process dies. The runspace
/// reaches it over the named pipe every pwsh listens on for Enter-PSHostProcess (a Unix
/// socket in the temporary folder, which a network namespace does not separate).
/// </para>
/// </summary>
internal sealed class NamespaceShell
{
    /// <summary>The environment variable the server carries: the namespace it was started in.</summary>
    internal const string EnteredVariable = "IPIPTOOLS_NETNS";

    /// <summary>The server's command: wait for the end of standard input, i.e. for the starter to let go.</summary>
    private const string WaitForStarter = "$null = [Console]::In.ReadToEnd()";

    private static readonly ConditionalWeakTable<Runspace, NamespaceShell> Shells = new();

    private readonly TetheredProcess _server;

    /// <summary>Set once the runspace has closed or broken.</summary>
    private readonly ManualResetEventSlim _ended = new();

    private NamespaceShell(NetNamespace target, TetheredProcess server, Runspace runspace)
    {
        Namespace = target;
        _server = server;
        Runspace = runspace;
    }

    public NetNamespace Namespace { get; }

    public Runspace Runspace { get; }

    /// <summary>How the prompt and messages name the namespace: its name, else its path.</summary>
    public string Label => Namespace.Namespace ?? "current";

    /// <summary>How many namespaces the session had entered (this one included) when Enter-NetNamespace pushed this shell.</summary>
    public int EnteredAtDepth { get; set; }

    /// <summary>Runs once when the runspace closes or breaks, after the server has been let go.</summary>
    public event Action? Closed;

    /// <summary>The namespace this process was entered into by Enter-NetNamespace, when it is such a server.</summary>
    public static string? EnteredHere => Environment.GetEnvironmentVariable(EnteredVariable);

    /// <summary>The shell behind <paramref name="runspace"/>, if it is one.</summary>
    public static NamespaceShell? Of(Runspace? runspace) =>
        runspace is not null && Shells.TryGetValue(runspace, out var shell) ? shell : null;

    /// <summary>
    /// Starts the server in <paramref name="target"/> (which must exist), connects to it with
    /// <paramref name="host"/> as the runspace's host, and prepares it: IpipTools imported from
    /// <paramref name="modulePath"/>, the location set to <paramref name="location"/>, and a
    /// prompt that names the namespace ("[ns1]: PS /root> "). A shell <paramref name="forPrompt"/>
    /// (Enter-NetNamespace's) is marked as entered (<see cref="EnteredVariable"/>, which
    /// Exit-NetNamespace inside reads) and closes when the host pops it.
    /// </summary>
    public static NamespaceShell Open(NetNamespace target, PSHost host, string location, string modulePath, bool forPrompt)
    {
        target.MustExist();
        var label = target.Namespace ?? "current";
        var (program, arguments) = ServerCommand();
        // Only the prompt's shell is entered; a script block's, even one started from inside an
        // entered namespace (which would pass the variable on), is not.
        var server = NamespaceProcess.StartTethered(target, program, arguments, location,
            new Dictionary<string, string?> { [EnteredVariable] = forPrompt ? label : null, [NetNamespace.StartedInVariable] = target.Namespace });
        Runspace? runspace = null;
        try
        {
            runspace = RunspaceFactory.CreateRunspace(new NamedPipeConnectionInfo(server.Id), host, TypeTable.LoadDefaultTypeFiles());
            var shell = new NamespaceShell(target, server, runspace);
            runspace.StateChanged += shell.OnStateChanged;
            runspace.Open();
            if (forPrompt)
            {
                CloseOnPop(runspace);
            }

            Shells.Add(runspace, shell);
            shell.Prepare(location, modulePath);
            return shell;
        }
        catch (Exception e) when (e is not IpipToolsException)
        {
            runspace?.Dispose();
            server.Dispose();
            throw new IpipToolsException(
                $"Cannot start PowerShell {target.Describe()}: {e.Message}",
                "NamespaceShellNotStarted", IpipErrorCategory.ResourceUnavailable,
                "Check that this PowerShell can start another copy of itself ($PSHOME) and that the namespace still exists.", label, e);
        }
    }

    /// <summary>
    /// What the server imports so that IpipTools is there as here: the manifest this module was
    /// imported from (its formats come with it), else the module's assembly.
    /// </summary>
    public static string ModuleToImport(InvocationInfo invocation)
    {
        var module = invocation.MyCommand.Module;
        var manifest = module is null ? null : Path.Combine(module.ModuleBase, module.Name + ".psd1");
        return manifest is not null && File.Exists(manifest) ? manifest : typeof(NamespaceShell).Assembly.Location;
    }

    /// <summary>
    /// Closes the runspace, and the server ends. A script block that ran <c>exit</c> has had the
    /// server close the session already: that is waited for rather than raced, since
    /// PowerShell fails a Close that meets a remote runspace still closing.
    /// </summary>
    public void Close()
    {
        try
        {
            if (Runspace.RunspaceStateInfo.State == RunspaceState.Closing)
            {
                _ended.Wait(TimeSpan.FromSeconds(5));
            }

            Runspace.Dispose();
        }
        catch (InvalidRunspaceStateException)
        {
            // Closed or broken meanwhile: nothing left to close.
        }
        finally
        {
            _server.Dispose();
        }
    }

    /// <summary>
    /// This PowerShell's own executable: pwsh itself, or, when it was started as
    /// <c>dotnet pwsh.dll</c> (as a dotnet tool), the dotnet host and the same pwsh.dll.
    /// </summary>
    private static (string Program, List<string> Arguments) ServerCommand()
    {
        var program = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this PowerShell's executable is unknown");
        var arguments = new List<string>();
        var entry = Assembly.GetEntryAssembly()?.Location;
        if (string.Equals(Path.GetFileNameWithoutExtension(program), "dotnet", StringComparison.Ordinal) && !string.IsNullOrEmpty(entry))
        {
            arguments.Add(entry);
        }

        // pwsh's own parameters (case does not matter to it): no banner, no profile, no prompts.
        arguments.AddRange(new[] { "-nologo", "-noprofile", "-noninteractive", "-command", WaitForStarter });
        return (program, arguments);
    }

    /// <summary>
    /// Marks the runspace to be closed when the host pops it (after <c>exit</c> or
    /// Exit-NetNamespace), as Enter-PSHostProcess and Enter-PSSession mark theirs. The flag is
    /// internal to PowerShell (RemoteRunspace.ShouldCloseOnPop); if a later PowerShell lacks
    /// it, the runspace stays open until this shell ends, and its server with it.
    /// </summary>
    private static void CloseOnPop(Runspace runspace) =>
        runspace.GetType().GetProperty("ShouldCloseOnPop", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            ?.SetValue(runspace, true);

    private void Prepare(string location, string modulePath)
    {
        var quotedLabel = Label.Replace("'", "''", StringComparison.Ordinal);
        using var shell = PowerShell.Create();
        shell.Runspace = Runspace;
        shell.AddScript(
            "param($module, $location) " +
            "Import-Module -Name $module -ErrorAction Stop; " +
            "Set-Location -LiteralPath $location -ErrorAction SilentlyContinue; " +
            "function global:prompt { '[" + quotedLabel + "]: PS ' + $executionContext.SessionState.Path.CurrentLocation + ('>' * ($nestedPromptLevel + 1)) + ' ' }")
            .AddArgument(modulePath)
            .AddArgument(location);
        shell.Invoke();
    }

    private void OnStateChanged(object? sender, RunspaceStateEventArgs e)
    {
        if (e.RunspaceStateInfo.State is RunspaceState.Closed or RunspaceState.Broken)
        {
            Runspace.StateChanged -= OnStateChanged;
            _server.Dispose();
            _ended.Set();
            Closed?.Invoke();
        }
    }
}
