using System.Runtime.InteropServices;

namespace IpipTools.Core.Rtnl.Rules;

/// <summary><c>struct fib_rule_hdr</c> (linux/fib_rules.h), 12 bytes: the fixed part of RTM_NEWRULE, RTM_DELRULE and RTM_GETRULE.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct FibRuleHeader
{
    public byte Family;
    public byte DestinationLength;
    public byte SourceLength;
    public byte Tos;

    /// <summary>The table when it fits a byte; FRA_TABLE carries the full 32-bit id.</summary>
    public byte Table;
    public byte Reserved1;
    public byte Reserved2;
    public RuleAction Action;
    public RuleFlags Flags;
}

/// <summary>What a rule does with a packet it matches (FR_ACT_* in linux/fib_rules.h), named as <c>ip rule</c> prints them.</summary>
public enum RuleAction : byte
{
    Unspecified = 0,

    /// <summary>Look the packet up in the rule's table (<c>lookup T</c>).</summary>
    ToTable = 1,

    /// <summary>Jump to the rule with a given priority (<c>goto P</c>).</summary>
    Goto = 2,

    /// <summary>Do nothing (<c>nop</c>).</summary>
    Nop = 3,

    /// <summary>Drop the packet silently (<c>blackhole</c>).</summary>
    Blackhole = 6,

    /// <summary>Refuse it with "network unreachable" (<c>unreachable</c>).</summary>
    Unreachable = 7,

    /// <summary>Refuse it with "communication administratively prohibited" (<c>prohibit</c>).</summary>
    Prohibit = 8,
}

/// <summary>fib_rule_hdr flags (FIB_RULE_* in linux/fib_rules.h).</summary>
[Flags]
public enum RuleFlags : uint
{
    None = 0,

    /// <summary>A rule the kernel made and will not delete.</summary>
    Permanent = 0x1,

    /// <summary>The selector is negated (<c>ip rule add not from ...</c>).</summary>
    Invert = 0x2,

    /// <summary>The iif device does not exist (ip shows "[detached]").</summary>
    InputDetached = 0x8,

    /// <summary>The oif device does not exist.</summary>
    OutputDetached = 0x10,
}

/// <summary>FRA_* attribute types (linux/fib_rules.h).</summary>
public static class RuleAttribute
{
    public const ushort Destination = 1;
    public const ushort Source = 2;
    public const ushort InputInterfaceName = 3;
    public const ushort Goto = 4;
    public const ushort Priority = 6;
    public const ushort FirewallMark = 10;
    public const ushort Flow = 11;
    public const ushort TunnelId = 12;
    public const ushort SuppressInterfaceGroup = 13;
    public const ushort SuppressPrefixLength = 14;
    public const ushort Table = 15;
    public const ushort FirewallMask = 16;
    public const ushort OutputInterfaceName = 17;
    public const ushort L3MasterDevice = 19;
    public const ushort Protocol = 21;
}
