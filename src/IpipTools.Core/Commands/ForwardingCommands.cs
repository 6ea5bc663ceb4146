using IpipTools.Core.Namespaces;

namespace IpipTools.Core.Commands;

/// <summary>The forwarding cmdlets' operations (Get/Enable/Disable-IpForwarding).</summary>
public static class ForwardingCommands
{
    public static ForwardingState Get(NetNamespace target) => new(NamespaceText.NameOf(target), Ipv4Forwarding.IsEnabled(target));

    public static ChangeDescription DescribeSet(NetNamespace target, bool enabled) =>
        new($"net.ipv4.ip_forward {ChangeDescription.Where(target)}", $"Set to {(enabled ? 1 : 0)}");

    public static ForwardingState Set(NetNamespace target, bool enabled)
    {
        Ipv4Forwarding.Set(target, enabled);
        return Get(target);
    }
}
