using IpipTools.Core.DesiredState;

namespace IpipTools.KernelTests;

/// <summary>
/// Throwaway namespaces for the desired-state tests, one per namespace a topology names
/// (its current namespace "" included, so nothing lands in the namespace the tests run in),
/// made with TestSupport and deleted on dispose. The shipped example data files are found
/// beside the tests (examples/) or, on a host, in the repository.
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

    /// <summary>An example data file of the repository's examples/, under the throwaway names.</summary>
    public Topology Example(string file) => Map(TopologyLoader.FromFile(ExamplePath(file)));

    /// <summary>NamespaceSnapshot of every namespace of the lab, for before/after comparisons.</summary>
    public string Snapshot() => string.Join("\n", _namespaces.Values.Select(n => $"{n.Name}\n{NamespaceSnapshot.Of(n.Name)}"));

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
            var candidate = Path.Combine(dir.FullName, "examples", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"examples/{file} is neither beside the tests ({AppContext.BaseDirectory}) nor above them; the kernel test project must copy ../../examples/*.psd1 to examples/ in its output");
    }
}
