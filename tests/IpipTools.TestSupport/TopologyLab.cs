using IpipTools.Core.DesiredState;
using IpipTools.Core.DesiredState.Topologies;
using IpipTools.Core.Fixtures;

namespace IpipTools.TestSupport;

/// <summary>
/// A <see cref="Lab"/> for the desired-state tests: every namespace a topology names (its
/// current namespace "" included, so nothing lands in the namespace the tests run in) gets a
/// throwaway name, made now (<see cref="Create"/>) or left for the engine to make, and all of
/// them are deleted on dispose, whoever made them and whatever happened in between.
/// </summary>
public sealed class TopologyLab : IDisposable
{
    private readonly Lab _lab;
    private readonly Dictionary<string, string> _names = new();
    private readonly Dictionary<string, LabHost> _hosts = new();

    /// <param name="prefix">A short tag for the namespace names.</param>
    /// <param name="created">Logical names whose namespaces are made now.</param>
    public TopologyLab(string prefix = "dst", params string[] created)
    {
        _lab = new Lab(prefix);
        try
        {
            foreach (var logical in created)
            {
                Create(logical);
            }
        }
        catch
        {
            _lab.Dispose();
            throw;
        }
    }

    /// <summary>The throwaway name for the topology's namespace <paramref name="logical"/> ("" — the data file's current namespace — included).</summary>
    public string this[string logical]
    {
        get
        {
            if (!_names.TryGetValue(logical, out var name))
            {
                name = _lab.NameFor(Role(logical));
                _names[logical] = name;
            }

            return name;
        }
    }

    /// <summary>The topology with every namespace it names renamed to its throwaway name.</summary>
    public Topology Map(Topology topology)
    {
        foreach (var name in topology.NamespaceNamesInvolved())
        {
            _ = this[name];
        }

        return topology.RenameNamespaces(_names);
    }

    /// <summary>An example of the repository's examples/ as JSON (tests/topologies/), under the throwaway names.</summary>
    public Topology Example(string file) => Map(TopologyLoader.FromFile(ExamplePath(file)));

    /// <summary>Creates the throwaway namespace for <paramref name="logical"/> now, lo up (otherwise the engine makes it).</summary>
    public string Create(string logical)
    {
        _ = this[logical];
        _hosts[logical] = _lab.Host(Role(logical));
        return this[logical];
    }

    /// <summary>The host made for <paramref name="logical"/> by <see cref="Create"/>: its connection, ping, ip.</summary>
    public LabHost Host(string logical) => _hosts[logical];

    /// <summary><see cref="NamespaceSnapshot"/> of every namespace of the lab, for before/after comparisons.</summary>
    public string Snapshot() => string.Join("\n", _names.Values.Select(n => $"{n}\n{NamespaceSnapshot.Of(n)}"));

    /// <summary>
    /// The snapshot once the kernel has settled what it derives by itself: links just brought
    /// up get their operational state from the link watcher, which runs up to a second later,
    /// so a baseline is taken only when nothing has changed for a little more than that.
    /// </summary>
    public string SettledSnapshot()
    {
        var deadline = DateTime.UtcNow.AddSeconds(6);
        var snapshot = Snapshot();
        var stableSince = DateTime.UtcNow;
        while (DateTime.UtcNow - stableSince < TimeSpan.FromMilliseconds(1200) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(200);
            var next = Snapshot();
            if (next != snapshot)
            {
                (snapshot, stableSince) = (next, DateTime.UtcNow);
            }
        }

        return snapshot;
    }

    /// <summary>
    /// Throws unless the lab's snapshot equals <paramref name="expected"/>, allowing the kernel a
    /// moment to settle what it derives by itself after a link comes up (its operational state
    /// is set asynchronously, by the link watcher, up to a second later).
    /// </summary>
    public void AssertSnapshotSettlesTo(string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(3);
        var actual = Snapshot();
        while (actual != expected && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
            actual = Snapshot();
        }

        if (actual != expected)
        {
            throw new InvalidOperationException($"the namespaces differ from before: {Difference(expected, actual)}");
        }
    }

    public void Dispose() => _lab.Dispose();

    /// <summary>The host role of a logical name: "" (the current namespace) is the lab's "root".</summary>
    private static string Role(string logical) => logical.Length == 0 ? "root" : logical;

    /// <summary>The objects (links, addresses, routes: the snapshot's JSON objects) that differ, before → after.</summary>
    private static string Difference(string expected, string actual)
    {
        var was = Objects(expected);
        var now = Objects(actual);
        return string.Join(" | ", was.Except(now).Select(o => $"before: {o}").Concat(now.Except(was).Select(o => $"after: {o}")));
    }

    private static HashSet<string> Objects(string snapshot) => snapshot.Split(new[] { "},{" }, StringSplitOptions.None).ToHashSet();

    private static string ExamplePath(string file)
    {
        // Beside the tests when the examples are deployed with them (the VM has nothing else);
        // else up the directory tree, from a build output inside the repository.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "topologies", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"topologies/{file} is neither beside the tests ({AppContext.BaseDirectory}) nor above them; the kernel test project must copy ../topologies/*.json to topologies/ in its output");
    }
}
