namespace IpipTools.Core.Commands;

/// <summary>IPv4 forwarding (net.ipv4.ip_forward) of one namespace.</summary>
public sealed record ForwardingState(string? Namespace, bool Enabled)
{
    public override string ToString() => $"net.ipv4.ip_forward = {(Enabled ? 1 : 0)}";
}
