using IpipTools.Core.Errors;
using IpipTools.Core.Interop;
using static IpipTools.Core.Interop.LinuxConstants;

namespace IpipTools.Core.Namespaces;

/// <summary>
/// Named network namespaces, kept exactly where and how iproute2 keeps them: a
/// file /run/netns/NAME with the namespace bind-mounted onto it, in a directory that
/// is a shared mount point. So `ip netns list` sees ours and we see theirs.
/// </summary>
public static class NetNamespaceStore
{
    /// <summary>Where iproute2 keeps named namespaces (NETNS_RUN_DIR).</summary>
    public const string Directory = "/run/netns";

    /// <summary>
    /// The namespace <paramref name="name"/> would be, which must not exist yet: a creation
    /// checks it before it asks (or, under -WhatIf, says) anything, so that -WhatIf fails as the
    /// creation would. Create checks again, atomically.
    /// </summary>
    public static NetNamespace MustBeFreeToCreate(string name)
    {
        var target = NetNamespace.Named(name);
        return File.Exists(target.Path) ? throw Exists(name, target.Path!) : target;
    }

    private static IpipToolsException Exists(string name, string path) => new(
        $"Network namespace '{name}' already exists ({path}).",
        "NamespaceExists", IpipErrorCategory.ResourceExists,
        $"Choose another name, or remove it first (Remove-NetNamespace {name}, or 'ip netns delete {name}').", name);

    /// <summary>Creates a new, empty network namespace named <paramref name="name"/>.</summary>
    public static NetNamespace Create(string name)
    {
        var target = NetNamespace.Named(name);
        var path = target.Path!;
        PrepareDirectory();

        // O_EXCL makes a name clash an error instead of a silent takeover.
        var fd = LibC.Open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
        if (fd < 0)
        {
            var errno = SystemCall.LastErrno;
            throw errno == Errno.EEXIST ? Exists(name, path) : new SystemCallException($"create {path}", errno);
        }

        LibC.Close(fd);
        try
        {
            // unshare() gives only the calling thread a new namespace, so do it on a
            // throwaway thread and pin the namespace by bind-mounting that thread's
            // namespace file onto the name; the thread then ends.
            NamespaceThread.RunOnNewThread(() =>
            {
                SystemCall.Check(LibC.Unshare(CLONE_NEWNET), "unshare(CLONE_NEWNET)");
                SystemCall.Check(LibC.Mount("/proc/thread-self/ns/net", path, "none", MS_BIND, 0), $"mount --bind /proc/thread-self/ns/net {path}");
                return true;
            });
        }
        catch
        {
            LibC.Unlink(path);
            throw;
        }

        return target;
    }

    /// <summary>
    /// The named namespace, which must exist: a removal checks it before it asks (or, under
    /// -WhatIf, says) anything, so that -WhatIf fails as the removal would.
    /// </summary>
    public static NetNamespace MustExistToRemove(string name)
    {
        var target = NetNamespace.Named(name);
        if (!File.Exists(target.Path))
        {
            // Not NetNamespace.NotFound: its advice (create it first) fits a namespace to use, not one to remove.
            throw new IpipToolsException(
                $"Network namespace '{name}' does not exist (no {target.Path}), so there is nothing to remove.",
                "NamespaceNotFound", IpipErrorCategory.ObjectNotFound,
                "Check the name with Get-NetNamespace (or 'ip netns list').", name);
        }

        return target;
    }

    /// <summary>Removes the name; the namespace itself goes once nothing else holds it.</summary>
    public static void Delete(string name)
    {
        var path = MustExistToRemove(name).Path!;

        // MNT_DETACH, as iproute2 does: processes still inside keep the namespace alive.
        if (LibC.Umount2(path, MNT_DETACH) < 0)
        {
            var errno = SystemCall.LastErrno;
            if (errno != Errno.EINVAL)
            {
                throw new SystemCallException($"umount {path}", errno);
            }
        }

        if (LibC.Unlink(path) < 0)
        {
            var errno = SystemCall.LastErrno;
            if (errno != Errno.ENOENT)
            {
                throw new SystemCallException($"unlink {path}", errno);
            }
        }
    }

    /// <summary>Whether a namespace named <paramref name="name"/> exists.</summary>
    public static bool Exists(string name) => NetNamespace.Named(name).Exists();

    /// <summary>Every named namespace, sorted by name.</summary>
    public static IReadOnlyList<NetNamespace> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return Array.Empty<NetNamespace>();
        }

        return System.IO.Directory.EnumerateFiles(Directory)
            .Select(System.IO.Path.GetFileName)
            .Where(n => !string.IsNullOrEmpty(n))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => NetNamespace.Named(n!))
            .ToList();
    }

    /// <summary>
    /// Creates /run/netns and makes it a shared mount point, the way iproute2 does, so
    /// that namespaces mounted later propagate to other mount namespaces.
    /// </summary>
    private static void PrepareDirectory()
    {
        if (LibC.MkDir(Directory, 0b111_101_101) < 0 && SystemCall.LastErrno != Errno.EEXIST)
        {
            throw new SystemCallException($"mkdir {Directory}", SystemCall.LastErrno);
        }

        for (var attempt = 1; LibC.Mount("", Directory, "none", MS_SHARED | MS_REC, 0) < 0; attempt++)
        {
            var errno = SystemCall.LastErrno;
            if (errno != Errno.EINVAL || attempt > 1)
            {
                throw new SystemCallException($"mount --make-rshared {Directory}", errno);
            }

            // Not a mount point yet: bind it onto itself, then make it shared.
            SystemCall.Check(LibC.Mount(Directory, Directory, "none", MS_BIND | MS_REC, 0), $"mount --bind {Directory}");
        }
    }
}
