using IpipTools.Core.Errors;

namespace IpipTools.Core.Namespaces;

/// <summary>
/// Reads and writes /proc/sys/net settings of a namespace. The kernel resolves
/// /proc/sys/net for the thread that opens the file, so the file is opened on a
/// namespace thread (see <see cref="NamespaceThread"/>).
/// </summary>
public static class Sysctl
{
    public static string Read(NetNamespace target, string key)
    {
        var path = PathOf(key);
        return NamespaceThread.Run(target, () => File.ReadAllText(path).Trim());
    }

    public static void Write(NetNamespace target, string key, string value)
    {
        var path = PathOf(key);
        NamespaceThread.Run(target, () =>
        {
            try
            {
                File.WriteAllText(path, value + "\n");
            }
            catch (UnauthorizedAccessException e)
            {
                throw new IpipToolsException($"Cannot set {key} = {value}: permission denied.", "SysctlPermissionDenied",
                    IpipErrorCategory.PermissionDenied, "Run as root.", key, e);
            }
        });
    }

    /// <summary>"net.ipv4.ip_forward" → "/proc/sys/net/ipv4/ip_forward", refusing anything outside net.</summary>
    internal static string PathOf(string key)
    {
        if (string.IsNullOrEmpty(key) || !key.StartsWith("net.", StringComparison.Ordinal) || key.Contains("..") || key.Contains('/'))
        {
            throw new IpipToolsException($"'{key}' is not a net.* sysctl key.", "InvalidSysctlKey", IpipErrorCategory.InvalidArgument,
                "Give a key like net.ipv4.ip_forward.", key);
        }

        var path = "/proc/sys/" + key.Replace('.', '/');
        return path;
    }
}
