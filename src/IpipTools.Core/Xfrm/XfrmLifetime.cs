using System.Buffers.Binary;

namespace IpipTools.Core.Xfrm;

/// <summary>
/// struct xfrm_lifetime_cfg (64 bytes): when a state or policy expires. Byte and packet
/// limits left null are XFRM_INF (no limit; 0 would expire it at the first packet), and
/// times left null are 0 (never). Soft limits make the kernel ask the key manager for a new
/// state; hard limits end this one.
/// </summary>
public sealed record XfrmLifetime
{
    public const int Size = 64;

    /// <summary>XFRM_INF: no limit.</summary>
    private const ulong Infinite = ulong.MaxValue;

    public static XfrmLifetime Unlimited { get; } = new();

    public ulong? SoftByteLimit { get; init; }

    public ulong? HardByteLimit { get; init; }

    public ulong? SoftPacketLimit { get; init; }

    public ulong? HardPacketLimit { get; init; }

    /// <summary>Time after the state was added at which it soft-expires.</summary>
    public TimeSpan? SoftLifetime { get; init; }

    /// <summary>Time after the state was added at which it expires and is deleted.</summary>
    public TimeSpan? HardLifetime { get; init; }

    /// <summary>Time after the state was first used at which it soft-expires.</summary>
    public TimeSpan? SoftUseLifetime { get; init; }

    /// <summary>Time after the state was first used at which it expires.</summary>
    public TimeSpan? HardUseLifetime { get; init; }

    internal void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, SoftByteLimit ?? Infinite);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], HardByteLimit ?? Infinite);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], SoftPacketLimit ?? Infinite);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], HardPacketLimit ?? Infinite);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[32..], Seconds(SoftLifetime));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[40..], Seconds(HardLifetime));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[48..], Seconds(SoftUseLifetime));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[56..], Seconds(HardUseLifetime));
    }

    internal static XfrmLifetime Read(ReadOnlySpan<byte> source) => new()
    {
        SoftByteLimit = Limit(BinaryPrimitives.ReadUInt64LittleEndian(source)),
        HardByteLimit = Limit(BinaryPrimitives.ReadUInt64LittleEndian(source[8..])),
        SoftPacketLimit = Limit(BinaryPrimitives.ReadUInt64LittleEndian(source[16..])),
        HardPacketLimit = Limit(BinaryPrimitives.ReadUInt64LittleEndian(source[24..])),
        SoftLifetime = Time(BinaryPrimitives.ReadUInt64LittleEndian(source[32..])),
        HardLifetime = Time(BinaryPrimitives.ReadUInt64LittleEndian(source[40..])),
        SoftUseLifetime = Time(BinaryPrimitives.ReadUInt64LittleEndian(source[48..])),
        HardUseLifetime = Time(BinaryPrimitives.ReadUInt64LittleEndian(source[56..])),
    };

    private static ulong Seconds(TimeSpan? time) => time is { } t ? (ulong)Math.Max(0, (long)t.TotalSeconds) : 0;

    private static ulong? Limit(ulong value) => value == Infinite ? null : value;

    private static TimeSpan? Time(ulong seconds) => seconds == 0 ? null : TimeSpan.FromSeconds(seconds);

    /// <summary>The limits that are set, in ip's words; empty when none is.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parts.Add($"{name} {value}");
            }
        }

        Add("soft-bytes", SoftByteLimit);
        Add("hard-bytes", HardByteLimit);
        Add("soft-packets", SoftPacketLimit);
        Add("hard-packets", HardPacketLimit);
        Add("soft-add", SoftLifetime);
        Add("hard-add", HardLifetime);
        Add("soft-use", SoftUseLifetime);
        Add("hard-use", HardUseLifetime);
        return string.Join(' ', parts);
    }
}
