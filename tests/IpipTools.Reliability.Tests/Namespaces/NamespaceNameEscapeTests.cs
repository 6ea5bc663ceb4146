using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using Xunit;

namespace IpipTools.Reliability.Tests.Namespaces;

/// <summary>
/// Names that would leave /run/netns, name the directory itself, or exceed NAME_MAX are
/// refused by every entry point that takes a name, before anything touches the file
/// system: no file, directory or mount appears anywhere a name could have pointed. The
/// names carry a unique token so that anything they made would be found by it, even with
/// other tests creating namespaces at the same time.
/// </summary>
public sealed class NamespaceNameEscapeTests
{
    private static readonly string Token = $"ipt-escape-{Guid.NewGuid():N}"[..24];

    public static TheoryData<string> EscapingNames => new(
        $"../{Token}",
        $"../../{Token}",
        $"{Token}/b",
        $"{Token}/../../{Token}",
        "",
        ".",
        "..",
        new string('n', 300),
        $"{Token}\0tail",
        $"{Token}\n");

    [Theory]
    [MemberData(nameof(EscapingNames))]
    public void EscapingNamesAreRefusedBeforeTheFileSystemIsTouched(string name)
    {
        var mountsBefore = MountPointsUnderRun();
        using var watcher = new FileSystemEvents("/run", NetNamespaceStore.Directory);

        AssertRefused(() => NetNamespaceStore.Create(name), name);
        AssertRefused(() => NetNamespaceStore.Delete(name), name);
        AssertRefused(() => NetNamespaceStore.Exists(name), name);
        AssertRefused(() => NetNamespace.Named(name), name);

        foreach (var path in PlacesTheNameCouldReach(name))
        {
            Assert.False(File.Exists(path) || Directory.Exists(path), $"{path} exists");
        }

        Assert.Equal(mountsBefore, MountPointsUnderRun());
        Assert.Empty(watcher.EventsMentioning(Token, ".", "..", new string('n', 300)));
    }

    private static void AssertRefused(Action act, string name)
    {
        var error = Assert.ThrowsAny<IpipToolsException>(act);
        Assert.Equal("InvalidNamespaceName", error.ErrorId);
        Assert.Equal(IpipErrorCategory.InvalidArgument, error.Category);
        Assert.Contains("namespace name", error.Message);
    }

    /// <summary>
    /// Where a name with our token would land: /run/netns/NAME resolved, the name relative to
    /// the working directory, and the token itself in /run and /run/netns. (".", ".." and ""
    /// name directories that exist already; the mount and inotify checks cover those.)
    /// </summary>
    private static IEnumerable<string> PlacesTheNameCouldReach(string name)
    {
        var clean = name.Replace("\0", string.Empty).Replace("\n", string.Empty);
        if (!clean.Contains(Token, StringComparison.Ordinal))
        {
            yield break;
        }

        yield return Path.GetFullPath(Path.Combine(NetNamespaceStore.Directory, clean));
        yield return Path.GetFullPath(clean);
        yield return Path.Combine(NetNamespaceStore.Directory, Token);
        yield return Path.Combine("/run", Token);
    }

    /// <summary>Mount points at /run, /run/netns, or with our token: a namespace made from a bad name would be one.</summary>
    private static List<string> MountPointsUnderRun() => File.ReadLines("/proc/self/mountinfo")
        .Select(l => l.Split(' ')[4])
        .Where(m => m is "/run" or NetNamespaceStore.Directory || m.Contains(Token, StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>inotify on directories a bad name could write to, for the life of one test.</summary>
    private sealed class FileSystemEvents : IDisposable
    {
        private readonly List<FileSystemWatcher> _watchers = new();
        private readonly List<string> _events = new();

        public FileSystemEvents(params string[] directories)
        {
            foreach (var directory in directories.Where(Directory.Exists))
            {
                var watcher = new FileSystemWatcher(directory) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName, EnableRaisingEvents = true };
                watcher.Created += (_, e) => Record(e.FullPath);
                watcher.Renamed += (_, e) => Record(e.FullPath);
                _watchers.Add(watcher);
            }
        }

        public List<string> EventsMentioning(params string[] fragments)
        {
            Thread.Sleep(100); // inotify events arrive on the watcher's own thread
            lock (_events)
            {
                return _events.Where(e => fragments.Any(f => Path.GetFileName(e) == f || e.Contains(f, StringComparison.Ordinal))).ToList();
            }
        }

        public void Dispose() => _watchers.ForEach(w => w.Dispose());

        private void Record(string path)
        {
            lock (_events)
            {
                _events.Add(path);
            }
        }
    }
}
