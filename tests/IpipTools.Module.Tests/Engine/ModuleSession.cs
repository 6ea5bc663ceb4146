using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace IpipTools.Module.Tests.Engine;

/// <summary>
/// A PowerShell runspace in this process (Microsoft.PowerShell.SDK, the engine pwsh runs
/// on) with the module imported the way the README tells a user to: <c>Import-Module
/// ./IpipTools.psd1</c>, the top-level manifest that points into the published folder.
/// Each session is its own runspace, so the namespace Enter-NetNamespace pushes in one
/// never reaches another.
/// </summary>
public sealed class ModuleSession : IDisposable
{
    /// <summary>The manifest a user imports after the build.</summary>
    public const string TopLevelManifest = "IpipTools.psd1";

    /// <summary>The self-contained module folder's own manifest (the folder the package holds).</summary>
    public const string PublishedManifest = "out/IpipTools/IpipTools.psd1";

    private static readonly Lazy<ModuleSession> SharedSession = new(() => Open());

    private readonly Runspace _runspace;

    private ModuleSession(Runspace runspace) => _runspace = runspace;

    /// <summary>
    /// One session for the tests that only read (metadata, help, formats). Runs one script
    /// at a time: a runspace runs one pipeline at a time, and xunit runs classes in parallel.
    /// </summary>
    public static ModuleSession Shared => SharedSession.Value;

    /// <summary>A new runspace with the module imported from <paramref name="manifest"/> (repository-relative).</summary>
    public static ModuleSession Open(string manifest = TopLevelManifest)
    {
        RequirePublished();
        var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        var session = new ModuleSession(runspace);
        session.Run("Import-Module $path -ErrorAction Stop", new Dictionary<string, object?> { ["path"] = Repository.PathOf(manifest) });
        return session;
    }

    /// <summary>The module folder is what `dotnet publish` makes; without it there is nothing to import.</summary>
    public static void RequirePublished()
    {
        if (!File.Exists(Repository.PathOf("out/IpipTools/IpipTools.dll")) || !File.Exists(Repository.PathOf(PublishedManifest)))
        {
            throw new InvalidOperationException(
                "out/IpipTools holds no published module: run 'dotnet publish src/IpipTools/IpipTools.csproj -c Release -o out/IpipTools' " +
                "(tests/run.sh does) before these tests.");
        }
    }

    /// <summary>Runs <paramref name="script"/>; any error, terminating or not, fails with every error record described.</summary>
    public Collection<PSObject> Run(string script, IDictionary<string, object?>? variables = null)
    {
        var outcome = Try(script, variables);
        if (outcome.Errors.Count > 0)
        {
            throw new InvalidOperationException($"PowerShell reported errors running:\n{script}\n\n{outcome.Describe()}");
        }

        return outcome.Output;
    }

    /// <summary>Runs <paramref name="script"/> and returns its output and every error record (a terminating error included).</summary>
    public ScriptOutcome Try(string script, IDictionary<string, object?>? variables = null)
    {
        lock (_runspace)
        {
            using var shell = System.Management.Automation.PowerShell.Create(_runspace);
            foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
            {
                _runspace.SessionStateProxy.SetVariable(name, value);
            }

            shell.AddScript(script);
            var errors = new List<ErrorRecord>();
            Collection<PSObject> output;
            try
            {
                output = shell.Invoke();
            }
            catch (RuntimeException terminating)
            {
                output = new Collection<PSObject>();
                errors.Add(terminating.ErrorRecord);
            }

            errors.InsertRange(0, shell.Streams.Error);
            return new ScriptOutcome(output, errors);
        }
    }

    public void Dispose() => _runspace.Dispose();
}
