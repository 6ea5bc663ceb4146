namespace IpipTools.Core.Namespaces;

/// <summary>IPv4 forwarding of a namespace (net.ipv4.ip_forward), which a router between tunnel ends needs.</summary>
public static class Ipv4Forwarding
{
    public const string Key = "net.ipv4.ip_forward";

    public static bool IsEnabled(NetNamespace target) => Sysctl.Read(target, Key) == "1";

    /// <summary>The setting of <paramref name="target"/>, with the namespace it was read in.</summary>
    public static ForwardingState Read(NetNamespace target) => new(target.Namespace, IsEnabled(target));

    public static void Set(NetNamespace target, bool enabled) => Sysctl.Write(target, Key, enabled ? "1" : "0");
}
