namespace IpipTools.Core.Fixtures;

/// <summary>
/// Something a test suite builds in BeforeAll and must tear down in AfterAll whatever
/// happened: namespaces, and everything inside them. Teardown runs once; a second
/// Dispose does nothing, so AfterAll can be written without guards.
/// </summary>
public abstract class NetworkFixture : IDisposable
{
    /// <summary>The namespaces this fixture owns (deleted on teardown), by name.</summary>
    public abstract IReadOnlyList<string> Namespaces { get; }

    public bool IsRemoved { get; private set; }

    public void Dispose()
    {
        if (IsRemoved)
        {
            return;
        }

        IsRemoved = true;
        Teardown();
        GC.SuppressFinalize(this);
    }

    /// <summary>A unique name from <paramref name="prefix"/>, short enough to leave room in interface names.</summary>
    internal static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Deletes what the fixture made; must not throw for things already gone.</summary>
    protected abstract void Teardown();

    /// <summary>Deletes the named namespaces that still exist; links inside them go with them.</summary>
    protected static void DeleteNamespaces(IEnumerable<string> names)
    {
        foreach (var name in names.Where(IpipTools.Core.Namespaces.NetNamespaceStore.Exists))
        {
            IpipTools.Core.Namespaces.NetNamespaceStore.Delete(name);
        }
    }
}
