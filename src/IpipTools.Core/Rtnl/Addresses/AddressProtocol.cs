namespace IpipTools.Core.Rtnl.Addresses;

/// <summary>
/// IFA_PROTO values (IFAPROT_* in linux/if_addr.h, Linux 6.1+): who added an address, named
/// as <c>ip -d addr</c> shows them ("proto kernel_lo"). Kernels before 6.1 report none.
/// </summary>
public enum AddressProtocol : byte
{
    Unspecified = 0,

    /// <summary>The loopback address the kernel puts on lo.</summary>
    KernelLo = 1,

    /// <summary>Set by the kernel from a router advertisement.</summary>
    KernelRa = 2,

    /// <summary>The link-local address the kernel sets.</summary>
    KernelLl = 3,

    /// <summary>IpipTools' mark, the same number as its route protocol (ip shows "proto 73").</summary>
    IpipTools = 73,
}
