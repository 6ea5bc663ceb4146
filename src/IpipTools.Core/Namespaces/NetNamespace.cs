using System.Text;
using IpipTools.Core.Errors;
using IpipTools.Core.Interop;
using static IpipTools.Core.Interop.LinuxConstants;

namespace IpipTools.Core.Namespaces;

/// <summary>
/// Names a network namespace: a named one under <c>/run/netns</c> (shared with
/// <c>ip netns</c>), any namespace file (<c>/proc/PID/ns/net</c>, a bind mount), or
/// the caller's own. Immutable and cheap; nothing is opened until a connection or
/// handle is asked for.
/// </summary>
public sealed class NetNamespace : IEquatable<NetNamespace>
{
    private NetNamespace(string? name, string? path)
    {
        Name = name;
        Path = path;
    }

    /// <summary>The namespace of the calling thread (for IpipTools, the process's own).</summary>
    public static NetNamespace Caller { get; } = new(null, null);

    /// <summary>The name under <c>/run/netns</c>, or null for an unnamed namespace.</summary>
    public string? Name { get; }

    /// <summary>The namespace file, or null for <see cref="Caller"/>.</summary>
    public string? Path { get; }

    public bool IsCallerNamespace => Path is null;

    /// <summary>
    /// What names this namespace to -NetNamespace: its name, else its file; null for the
    /// caller's. Every object IpipTools writes carries a Namespace that binds to
    /// -NetNamespace by property name, and so does this one, so that
    /// <c>Get-NetNamespace lab | Get-NetLink</c> lists the links of lab.
    /// </summary>
    public string? Namespace => Name ?? Path;

    /// <summary>The longest name: it becomes a file name under /run/netns (NAME_MAX, in bytes).</summary>
    public const int MaxNameBytes = 255;

    /// <summary>A named namespace; the name is checked before anything touches the file system.</summary>
    public static NetNamespace Named(string name)
    {
        ValidateName(name);
        return new NetNamespace(name, System.IO.Path.Combine(NetNamespaceStore.Directory, name));
    }

    /// <summary>
    /// The rules for a namespace name, checked before anything touches the file system:
    /// it becomes a file name under /run/netns, so it must not be empty, "." or "..",
    /// contain '/' or NUL, or exceed NAME_MAX (255 bytes), exactly as iproute2 refuses.
    /// </summary>
    public static void ValidateName(string? name)
    {
        string? problem = name switch
        {
            null or "" => "is empty",
            "." or ".." => "would name the directory itself or its parent",
            _ when name.Contains('/') => "contains '/', which would leave /run/netns",
            _ when name.Contains('\0') => "contains a NUL character",
            _ when Encoding.UTF8.GetByteCount(name) > MaxNameBytes => $"is {Encoding.UTF8.GetByteCount(name)} bytes long; the limit is {MaxNameBytes}",
            _ when name.Any(char.IsControl) => "contains a control character",
            _ => null,
        };
        if (problem is not null)
        {
            throw new IpipToolsException(
                $"The namespace name '{name}' {problem}.",
                "InvalidNamespaceName", IpipErrorCategory.InvalidArgument,
                "Use a plain file name such as 'lab1': letters, digits, '-', '_' and '.'.", name);
        }
    }

    /// <summary>The namespace a process lives in.</summary>
    public static NetNamespace OfProcess(int pid)
    {
        if (pid <= 0)
        {
            throw new IpipToolsException($"Process id {pid} is not valid.", "InvalidProcessId", IpipErrorCategory.InvalidArgument, "Give a positive process id.", pid);
        }

        return new NetNamespace(null, $"/proc/{pid}/ns/net");
    }

    /// <summary>A namespace file anywhere (a bind mount, a /proc path).</summary>
    public static NetNamespace FromPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new IpipToolsException("The namespace path is empty.", "InvalidNamespacePath", IpipErrorCategory.InvalidArgument, "Give the path of a network namespace file.", path);
        }

        return new NetNamespace(null, System.IO.Path.GetFullPath(path));
    }

    /// <summary>Resolves user input: null/empty is the caller's, a path (with '/') is a file, anything else a name.</summary>
    public static NetNamespace Parse(string? nameOrPath) =>
        string.IsNullOrEmpty(nameOrPath) ? Caller
        : nameOrPath.Contains('/') ? FromPath(nameOrPath)
        : Named(nameOrPath);

    /// <summary>Opens the namespace file; fails clearly if it does not exist.</summary>
    public NetNamespaceHandle OpenHandle()
    {
        var path = Path ?? "/proc/thread-self/ns/net";
        var fd = LibC.Open(path, O_RDONLY | O_CLOEXEC, 0);
        if (fd < 0)
        {
            var errno = SystemCall.LastErrno;
            if (errno == Errno.ENOENT)
            {
                throw NotFound();
            }

            throw new SystemCallException($"open({path})", errno);
        }

        return new NetNamespaceHandle(fd, this);
    }

    /// <summary>Whether the namespace file exists.</summary>
    public bool Exists() => Path is null || File.Exists(Path);

    /// <summary>
    /// This namespace, if its file exists; else the not-found error (which names it and says
    /// how to create or find it). For operations that would otherwise read a missing
    /// namespace as an empty one, or report each of their parts as not done.
    /// </summary>
    public NetNamespace MustExist() => Exists() ? this : throw NotFound();

    internal IpipToolsException NotFound() => Name is not null
        ? new IpipToolsException(
            $"Network namespace '{Name}' does not exist (no {Path}).",
            "NamespaceNotFound", IpipErrorCategory.ObjectNotFound,
            $"Create it first (New-NetNamespace {Name}, or 'ip netns add {Name}'), or check the name with Get-NetNamespace.", Name)
        : new IpipToolsException(
            $"Network namespace file {Path} does not exist.",
            "NamespaceNotFound", IpipErrorCategory.ObjectNotFound,
            "Check the path, or that the process owning the namespace is still running.", Path);

    public bool Equals(NetNamespace? other) => other is not null && other.Path == Path;

    public override bool Equals(object? obj) => Equals(obj as NetNamespace);

    public override int GetHashCode() => Path?.GetHashCode() ?? 0;

    public override string ToString() => Name ?? Path ?? "(current)";

    /// <summary>
    /// The environment variable that names the namespace this process was started in, set by
    /// IpipTools when it starts PowerShell inside one (Invoke-NetNamespaceCommand -ScriptBlock,
    /// Enter-NetNamespace): there the caller's namespace is that one, and messages say so.
    /// </summary>
    public const string StartedInVariable = "IPIPTOOLS_NETNS_NAME";

    /// <summary>
    /// Where, for messages and confirmation prompts: "in namespace 'lab'", or for the caller's
    /// "in the current namespace" (or "in namespace 'lab'" in a PowerShell started inside lab).
    /// </summary>
    /// <remarks>Kept once made: a piped cmdlet asks for it on every item it confirms.</remarks>
    public string Describe() => _description ??= $"in {InWords(Namespace)}";

    /// <summary>
    /// "namespace 'lab'" or "the current namespace": a namespace as -NetNamespace and topologies
    /// name it (its name or path; null or "" for the current one), for messages. The current
    /// namespace of a pwsh that IpipTools started inside a namespace is that namespace, by name.
    /// </summary>
    public static string InWords(string? nameOrPath) =>
        !string.IsNullOrEmpty(nameOrPath) ? $"namespace '{nameOrPath}'"
        : Environment.GetEnvironmentVariable(StartedInVariable) is { Length: > 0 } startedIn ? $"namespace '{startedIn}'"
        : "the current namespace";

    private string? _description;
}
