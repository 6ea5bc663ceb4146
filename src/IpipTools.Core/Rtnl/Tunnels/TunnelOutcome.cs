namespace IpipTools.Core.Rtnl.Tunnels;

/// <summary>What became of one tunnel of a <see cref="TunnelCreationBatch"/>: the tunnel as the kernel made it, or why not (then nothing of it is left).</summary>
public sealed record TunnelOutcome(string Name, IpTunnel? Made, Exception? Error) : IChangeOutcome
{
    object? IChangeOutcome.Made => Made;

    public bool Succeeded => Error is null;
}
