namespace IpipTools.Core.Rtnl.Addresses;

/// <summary>
/// ifa_flags / IFA_FLAGS bits (IFA_F_* in linux/if_addr.h), named as iproute2 prints them
/// where a C# name allows it, so PowerShell shows "Permanent, Secondary" where it would
/// show 129, and <c>$_.Flags.HasFlag('Secondary')</c> or <c>-band 0x80</c> both work.
/// </summary>
[Flags]
public enum AddressFlags : uint
{
    None = 0,

    /// <summary>Not the first address of its prefix on the device; on IPv6 the same bit is a privacy ("temporary") address.</summary>
    Secondary = 0x01,
    NoDad = 0x02,
    Optimistic = 0x04,
    DadFailed = 0x08,
    Home = 0x10,
    Deprecated = 0x20,
    Tentative = 0x40,

    /// <summary>Configured, not learned: iproute2 prints "dynamic" when this bit is missing.</summary>
    Permanent = 0x80,
    MngTmpAddr = 0x100,
    NoPrefixRoute = 0x200,
    AutoJoin = 0x400,
    StablePrivacy = 0x800,
}
