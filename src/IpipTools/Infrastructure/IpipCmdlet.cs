using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;

namespace IpipTools.Infrastructure;

/// <summary>
/// Base of every IpipTools cmdlet. Derived cmdlets implement <see cref="ProcessItem"/>
/// (bind, ask ShouldProcess about the exact change, call the core, write the result);
/// failures the core reports become non-terminating ErrorRecords here, once
/// per pipeline item, so <c>Get-IpipTunnel | Remove-IpipTunnel</c> goes on past one
/// that cannot be removed.
/// <para>
/// A cmdlet keeps one rtnetlink client (a netlink connection bound to a namespace) per
/// namespace for its whole pipeline (<see cref="Client"/>), opened on first use. PowerShell disposes a command that is
/// <see cref="IDisposable"/> when its pipeline ends, however it ends (done, failed, or
/// stopped with Ctrl+C), so the sockets close there and never leak.
/// </para>
/// </summary>
public abstract class IpipCmdlet : PSCmdlet, IDisposable
{
    private ClientPool? _clients;

    /// <summary>The key of this shell session's namespace stack (see Enter-NetNamespace).</summary>
    protected static object? Session => Runspace.DefaultRunspace;

    /// <summary>The name every cmdlet gives its namespace parameter (or an alias of it).</summary>
    internal const string NamespaceParameter = "NetNamespace";

    /// <summary>
    /// Refuses -NetNamespace $null or '' given on the command line. Only a parameter left
    /// out means the session's default; an empty value is far more often a typo
    /// (<c>-NetNamespace $lab.NoSuchProperty</c>) that would otherwise quietly run against
    /// the host. A null bound later from a piped object's Namespace property is not
    /// refused: IpipTools writes null there for objects read in the caller's namespace.
    /// Pipeline binding happens after BeginProcessing, so what is bound here came from
    /// the command line.
    /// </summary>
    protected override void BeginProcessing()
    {
        if (MyInvocation.BoundParameters.TryGetValue(NamespaceParameter, out var value) && NamespaceArgument.IsMissing(value))
        {
            ThrowTerminatingError(NamespaceArgument.MissingError());
        }
    }

    protected sealed override void ProcessRecord()
    {
        try
        {
            if (PipedObjectsActedOn is { } actsOn)
            {
                PipedObjectGuard.Require(PipedObject, actsOn, MyInvocation.MyCommand.Name);
            }

            ProcessItem();
        }
        catch (Exception e) when (ErrorReport.IsReportable(e))
        {
            WriteError(ErrorRecords.From(e));
        }
    }

    /// <summary>
    /// The module objects this cmdlet acts on when they are piped in; any other object the
    /// module writes is refused (<see cref="PipedObjectGuard"/>). Null: the cmdlet changes
    /// nothing that a piped object could name by accident (the Get-, New- and Add- cmdlets).
    /// </summary>
    protected virtual ModuleObjects? PipedObjectsActedOn => null;

    /// <summary>The object piped in for this item, for a cmdlet that keeps it; null when nothing was piped.</summary>
    protected virtual PSObject? PipedObject => null;

    /// <summary>The cmdlet's work for one pipeline item.</summary>
    protected abstract void ProcessItem();

    /// <summary>
    /// Whether ShouldProcess will not just go ahead in this pipeline: -WhatIf is in effect, or
    /// -Confirm (or a $ConfirmPreference at or below this cmdlet's ConfirmImpact) asks. Then a
    /// cmdlet whose real run learns of a refusal only from the kernel (a batched add, a name
    /// taken) checks what it can read before ShouldProcess speaks, so that -WhatIf and the
    /// question are refused as the real run would be, and the real run sends with no extra read.
    /// </summary>
    protected bool ApprovalAsked => _approvalAsked ??= WhatIfInEffect() || ConfirmAsks();

    private bool? _approvalAsked;

    private bool WhatIfInEffect() =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var given) ? IsOn(given) : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    /// <summary>As ShouldProcess decides to ask: -Confirm given, or the preference at or below the cmdlet's impact (None asks nothing).</summary>
    private bool ConfirmAsks()
    {
        if (MyInvocation.BoundParameters.TryGetValue("Confirm", out var given))
        {
            return IsOn(given);
        }

        var impact = GetType().GetCustomAttributes(typeof(CmdletAttribute), true).OfType<CmdletAttribute>().FirstOrDefault()?.ConfirmImpact ?? ConfirmImpact.Medium;
        return LanguagePrimitives.TryConvertTo<ConfirmImpact>(GetVariableValue("ConfirmPreference"), out var preference)
            && preference != ConfirmImpact.None && impact != ConfirmImpact.None && impact >= preference;
    }

    private static bool IsOn(object? value) => value is SwitchParameter on ? on.IsPresent : LanguagePrimitives.IsTrue(value);

    /// <summary>Writes each element of <paramref name="items"/> (as it is enumerated).</summary>
    protected void WriteEach(IEnumerable items) => WriteObject(items, true);

    /// <summary>A switch as an optional setting: null when not given at all, its value when given (-Sequence:$false turns off).</summary>
    protected bool? SwitchIfGiven(string name, SwitchParameter value) =>
        MyInvocation.BoundParameters.ContainsKey(name) ? value.IsPresent : null;

    /// <summary>Writes <paramref name="item"/> only when -PassThru was given.</summary>
    protected void WritePassThru(SwitchParameter passThru, object item)
    {
        if (passThru.IsPresent)
        {
            WriteObject(item);
        }
    }

    /// <summary>What writes a line of <paramref name="program"/>'s standard error, as PowerShell writes a native command's (see <see cref="NativeErrorStream"/>).</summary>
    protected Action<string> NativeErrorWriter(string program) =>
        line => NativeErrorStream.Write(this, ErrorRecords.FromStandardError(line, program));

    /// <summary>Writes a failure the core returned rather than threw (null: nothing failed).</summary>
    protected void WriteFailure(Exception? failure)
    {
        if (failure is not null)
        {
            WriteError(ErrorRecords.From(failure));
        }
    }

    /// <summary>This pipeline's rtnetlink client for <paramref name="target"/>, opened on first use.</summary>
    protected RtnetlinkClient Client(NetNamespace target) => Clients.Get(target);

    /// <summary>This pipeline's rtnetlink clients, one per namespace, each opened on first use (desired state plans and applies through them).</summary>
    protected ClientPool Clients => _clients ??= new ClientPool();

    /// <summary>Closes the client of a namespace this cmdlet is about to delete.</summary>
    protected void ForgetClient(NetNamespace target) => _clients?.Forget(target);

    /// <summary>
    /// Has <paramref name="work"/> (batches that may be in flight on this pipeline's
    /// connections) disposed when the pipeline ends, before the connections close.
    /// </summary>
    internal T EndsWithPipeline<T>(T work)
        where T : IDisposable
    {
        _pipelineWork.Add(work);
        return work;
    }

    private readonly List<IDisposable> _pipelineWork = new();

    public void Dispose()
    {
        foreach (var work in _pipelineWork)
        {
            work.Dispose();
        }

        _pipelineWork.Clear();
        _clients?.Dispose();
        _clients = null;
        GC.SuppressFinalize(this);
    }
}
