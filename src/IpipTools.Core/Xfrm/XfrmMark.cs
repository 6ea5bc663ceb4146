using System.Buffers.Binary;

namespace IpipTools.Core.Xfrm;

/// <summary>struct xfrm_mark as read: value and mask, or no mark when both are 0 (what the kernel sends for an unmarked object).</summary>
internal static class XfrmMark
{
    public static (uint? Mark, uint Mask) Read(ReadOnlySpan<byte> payload)
    {
        var value = BinaryPrimitives.ReadUInt32LittleEndian(payload);
        var mask = BinaryPrimitives.ReadUInt32LittleEndian(payload[4..]);
        return value == 0 && mask == 0 ? (null, 0) : (value, mask);
    }
}
