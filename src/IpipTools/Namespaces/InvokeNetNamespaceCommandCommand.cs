using System.Management.Automation;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;
using NetNs = IpipTools.Core.Namespaces.NetNamespace;

namespace IpipTools.Namespaces;

/// <summary>
/// <c>ip netns exec NS PROGRAM ARGS</c>, written so, or with -NetNamespace NS, or in the entered
/// namespace (<see cref="ProgramWords"/> reads the words): runs a native program inside a
/// namespace and streams its output lines; each line of its standard error becomes a record of the error
/// stream, as a native command's does (2&gt;&amp;1 captures them). The program is started from a
/// short-lived thread inside the namespace (the core's NamespaceProcess); the pipeline thread
/// never moves. $LASTEXITCODE holds its exit code; a non-zero code is also an error record.
/// <para>
/// With -ScriptBlock it runs PowerShell instead: the script block runs in a pwsh started inside
/// the namespace (<see cref="NamespaceShell"/>, the same as Enter-NetNamespace's), through
/// Invoke-Command, so $using: values, -ArgumentList, deserialized objects and error records
/// are Invoke-Command's own.
/// </para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "NetNamespaceCommand", DefaultParameterSetName = NativeSet)]
[OutputType(typeof(string), typeof(NamespaceCommandResult))]
public sealed class InvokeNetNamespaceCommandCommand : NamespacedCmdlet
{
    private const string NativeSet = "FilePath";
    private const string ScriptBlockSet = "ScriptBlock";

    /// <summary>
    /// Runs the script block with Invoke-Command over the shell's runspace. The parameter names
    /// are unlikely on purpose: $using: expressions are read from this script's scope upwards.
    /// A deserialized IpipTools object says Namespace null for "where it was read", which here
    /// is the namespace: it is filled in, so that piping it on stays in that namespace.
    /// Errors are passed on as records whatever the caller's preference (-ErrorAction
    /// Continue): this cmdlet writes them again, under the caller's -ErrorAction. The objects
    /// do not show PSComputerName (-HideComputerName): the computer is this one, always.
    /// </summary>
    private const string InvokeInShell =
        "param($__IpipToolsRunspace, $__IpipToolsScriptBlock, $__IpipToolsArgumentList, $__IpipToolsNamespace) " +
        "Invoke-Command -HideComputerName -Session ([System.Management.Automation.Runspaces.PSSession]::Create($__IpipToolsRunspace, 'NetNamespace', $null)) " +
        "-ScriptBlock $__IpipToolsScriptBlock -ArgumentList $__IpipToolsArgumentList -ErrorAction Continue | ForEach-Object { " +
        "if ($_ -is [psobject] -and $_.pstypenames -like 'Deserialized.IpipTools.*' -and $_.psobject.Properties['Namespace'] -and $null -eq $_.Namespace) { $_.Namespace = $__IpipToolsNamespace }; $_ }";

    private NamespaceCommand? _running;
    private NamespaceShell? _shell;

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NativeSet)]
    public string FilePath { get; set; } = string.Empty;

    /// <summary>PowerShell to run inside the namespace (in a pwsh started there), as Invoke-Command runs it.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ScriptBlockSet)]
    public ScriptBlock? ScriptBlock { get; set; }

    /// <summary>
    /// The program's arguments, or the script block's. A word that starts with '-' reaches the
    /// program as written only after <c>--</c> (or quoted, '-c'): before it, PowerShell reads
    /// such words as this cmdlet's parameters, and a command where that happened after the
    /// program's name is refused (<see cref="ParameterAfterProgram"/>).
    /// </summary>
    [Parameter(Position = 1, ValueFromRemainingArguments = true, ParameterSetName = NativeSet)]
    [Parameter(ParameterSetName = ScriptBlockSet)]
    [Alias("Args")]
    public object[] ArgumentList { get; set; } = Array.Empty<object>();

    /// <summary>Write one result object (exit code and all output lines) instead of streaming lines.</summary>
    [Parameter(ParameterSetName = NativeSet)]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The exit code shells give a program that cannot be found, and one that was found but cannot be run.</summary>
    private const int NotFoundExitCode = 127;
    private const int NotExecutableExitCode = 126;
    private const int PermissionDenied = 13;

    /// <summary>
    /// Reads the words as written (see <see cref="ProgramWords"/>): a command in which
    /// PowerShell bound a word after the program to this cmdlet is refused before anything runs,
    /// and in the NS PROGRAM ARGUMENTS form the first word becomes the namespace.
    /// </summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (ParameterSetName != NativeSet || ProgramWords.Of(MyInvocation) is not { } words)
        {
            return;
        }

        var namespaceFirst = NamespaceIsFirstWord(words);
        if (words.ParameterAfterProgram(namespaceFirst) is { } refusal)
        {
            ThrowTerminatingError(ErrorRecords.From(refusal));
        }

        if (namespaceFirst)
        {
            TakeNamespaceFromFirstWord();
        }
    }

    /// <summary>
    /// Invoke-NetNamespaceCommand NS PROGRAM ARGUMENTS: the first word names the namespace when
    /// nothing else does. Not when -NetNamespace is given, objects are piped in (their Namespace
    /// binds it), the program is given by -FilePath, or a namespace is entered (in this session,
    /// or this is the prompt inside one): then the words are PROGRAM ARGUMENTS, run there.
    /// </summary>
    private bool NamespaceIsFirstWord(ProgramWords words) =>
        !MyInvocation.BoundParameters.ContainsKey(NamespaceParameter)
        && !MyInvocation.ExpectingInput
        && !words.Names(nameof(FilePath))
        && NamespaceSession.For(Session).Depth == 0
        && NamespaceShell.EnteredHere is null;

    /// <summary>Moves the first positional word (bound to -FilePath) to -NetNamespace, and the next to -FilePath.</summary>
    private void TakeNamespaceFromFirstWord()
    {
        var name = FilePath;
        var usage = $"the first word, '{name}', was read as the namespace (Invoke-NetNamespaceCommand NS PROGRAM ARGUMENTS)";
        if (ArgumentList.Length == 0)
        {
            ThrowTerminatingError(ErrorRecords.From(new IpipToolsException(
                $"No program was given: {usage}, and no program follows it.",
                "NoProgramGiven", IpipErrorCategory.InvalidArgument,
                $"Give the program after the namespace (Invoke-NetNamespaceCommand {name} ip link), or give -FilePath {name} to run a program of that name in the current namespace.", name)));
        }

        // A name, as ip netns exec takes: a path here is far more often the program (a
        // namespace file is given with -NetNamespace).
        if (name.Contains('/', StringComparison.Ordinal) || !NetNs.Parse(name).Exists())
        {
            ThrowTerminatingError(ErrorRecords.From(new IpipToolsException(
                $"No network namespace is named '{name}': {usage}.",
                "NamespaceNotFound", IpipErrorCategory.ObjectNotFound,
                $"Name an existing namespace first, or give -NetNamespace NS (a name or a namespace file); to run {name} in the current namespace, give -FilePath {name}. Get-NetNamespace lists the namespaces.", name)));
        }

        NetNamespace = name;
        FilePath = LanguagePrimitives.ConvertTo<string>(ArgumentList[0]);
        ArgumentList = ArgumentList.Skip(1).ToArray();
    }

    protected override void ProcessItem()
    {
        if (ScriptBlock is not null)
        {
            RunScriptBlock(ScriptBlock);
            return;
        }

        RunProgram();
    }

    private void RunScriptBlock(ScriptBlock script)
    {
        var target = Target.MustExist();
        _shell = NamespaceShell.Open(target, Host, SessionState.Path.CurrentFileSystemLocation.Path, NamespaceShell.ModuleToImport(MyInvocation), forPrompt: false);
        try
        {
            // A nested pipeline on this thread, in a scope below the caller's: $using: reads
            // the caller's variables, and every record it writes is passed on as it comes.
            using var invoke = PowerShell.Create(RunspaceMode.CurrentRunspace);
            invoke.AddScript(InvokeInShell, useLocalScope: true)
                .AddArgument(_shell.Runspace).AddArgument(script).AddArgument(ArgumentList).AddArgument(_shell.Label);
            var output = new PSDataCollection<PSObject>();
            output.DataAdded += (_, e) => WriteObject(output[e.Index]);
            var streams = invoke.Streams;
            streams.Error.DataAdded += (_, e) => WriteError(streams.Error[e.Index]);
            streams.Warning.DataAdded += (_, e) => WriteWarning(streams.Warning[e.Index].Message);
            streams.Verbose.DataAdded += (_, e) => WriteVerbose(streams.Verbose[e.Index].Message);
            streams.Debug.DataAdded += (_, e) => WriteDebug(streams.Debug[e.Index].Message);
            streams.Information.DataAdded += (_, e) => WriteInformation(streams.Information[e.Index]);
            invoke.Invoke(null, output);
        }
        finally
        {
            _shell.Close();
            _shell = null;
        }
    }

    private void RunProgram()
    {
        var arguments = ArgumentList.Select(a => LanguagePrimitives.ConvertTo<string>(a)).ToArray();
        // Standard error is always captured: each line goes to the error stream (or, with
        // -PassThru, into the result), so that 2>&1 and -ErrorVariable see it.
        try
        {
            _running = NamespaceProcess.Start(Target, FilePath, arguments, SessionState.Path.CurrentFileSystemLocation.Path, captureStandardError: true);
        }
        catch (IpipToolsException e) when (e.ErrorId == "NativeCommandNotFound")
        {
            // As a shell does: $LASTEXITCODE must not keep the code of a program that ran before.
            var denied = e.InnerException is System.ComponentModel.Win32Exception { NativeErrorCode: PermissionDenied };
            SessionState.PSVariable.Set("global:LASTEXITCODE", denied ? NotExecutableExitCode : NotFoundExitCode);
            throw;
        }

        if (PassThru.IsPresent)
        {
            WriteObject(_running.Complete());
        }
        else
        {
            _running.Stream(WriteObject, NativeErrorWriter(FilePath));
        }

        var exitCode = _running.Finish();
        SessionState.PSVariable.Set("global:LASTEXITCODE", exitCode);
        WriteFailure(_running.FailureFor(exitCode));
    }

    protected override void StopProcessing()
    {
        _running?.Stop();
        _shell?.Close();
    }
}
