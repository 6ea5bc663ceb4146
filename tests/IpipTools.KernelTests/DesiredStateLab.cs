using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.KernelTests;

/// <summary>
/// Throwaway namespaces for the desired-state tests, one per namespace a topology names
/// (its current namespace "" included, so nothing lands in the namespace the tests run in),
/// made with TestSupport and deleted on dispose. The shipped examples, as JSON
/// (tests/topologies/), are found beside the tests or, on a host, in the repository.
/// </summary>
internal sealed class DesiredStateLab : IDisposable
{
    private readonly Dictionary<string, TestNamespace> _namespaces = new();

    public DesiredStateLab(string prefix, params string[] logicalNames)
    {
        KernelTestEnvironment.RequireKernel();
        try
        {
            foreach (var name in logicalNames)
            {
                _namespaces[name] = new TestNamespace(prefix);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The throwaway namespace standing for <paramref name="logical"/>.</summary>
    public TestNamespace this[string logical] => _namespaces[logical];

    /// <summary>The topology with its namespaces renamed to the throwaway ones.</summary>
    public Topology Map(Topology topology) => topology.RenameNamespaces(_namespaces.ToDictionary(n => n.Key, n => n.Value.Name));

    /// <summary>An example of the repository's examples/ as JSON (tests/topologies/), under the throwaway names.</summary>
    public Topology Example(string file) => Map(TopologyLoader.FromFile(ExamplePath(file)));

    /// <summary>NamespaceSnapshot of every namespace of the lab, for before/after comparisons.</summary>
    public string Snapshot() => string.Join("\n", _namespaces.Values.Select(n => $"{n.Name}\n{NamespaceSnapshot.Of(n.Name)}"));

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
    /// Asserts the lab's snapshot equals <paramref name="expected"/>, allowing the kernel a
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

        Assert.True(actual == expected, $"the namespaces differ from before: {Difference(expected, actual)}");
    }

    /// <summary>The objects (links, addresses, routes: the snapshot's JSON objects) that differ, before → after.</summary>
    private static string Difference(string expected, string actual)
    {
        var was = Objects(expected);
        var now = Objects(actual);
        return string.Join(" | ", was.Except(now).Select(o => $"before: {o}").Concat(now.Except(was).Select(o => $"after: {o}")));
    }

    private static HashSet<string> Objects(string snapshot) => snapshot.Split(new[] { "},{" }, StringSplitOptions.None).ToHashSet();

    public void Dispose()
    {
        foreach (var ns in _namespaces.Values)
        {
            ns.Dispose();
        }
    }

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
