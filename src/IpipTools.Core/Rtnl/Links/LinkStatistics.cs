using System.Runtime.InteropServices;

namespace IpipTools.Core.Rtnl.Links;

/// <summary>The first counters of <c>struct rtnl_link_stats64</c> (IFLA_STATS64).</summary>
public sealed record LinkStatistics(
    ulong ReceivedPackets,
    ulong TransmittedPackets,
    ulong ReceivedBytes,
    ulong TransmittedBytes,
    ulong ReceiveErrors,
    ulong TransmitErrors,
    ulong ReceiveDropped,
    ulong TransmitDropped)
{
    public static readonly LinkStatistics Empty = new(0, 0, 0, 0, 0, 0, 0, 0);

    internal static LinkStatistics Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 8 * 8)
        {
            return Empty;
        }

        var counters = MemoryMarshal.Cast<byte, ulong>(payload[..(8 * 8)]);
        return new LinkStatistics(counters[0], counters[1], counters[2], counters[3], counters[4], counters[5], counters[6], counters[7]);
    }

    public override string ToString() => $"RX {ReceivedPackets} pkts/{ReceivedBytes} B, TX {TransmittedPackets} pkts/{TransmittedBytes} B";
}
