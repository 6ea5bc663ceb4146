namespace IpipTools.Core.Namespaces;

/// <summary>IPv4 forwarding (net.ipv4.ip_forward) of one namespace, as Get-IpForwarding shows it.</summary>
public sealed record ForwardingState(string? Namespace, bool Enabled)
{
    public override string ToString() => $"net.ipv4.ip_forward = {(Enabled ? 1 : 0)}";
}
