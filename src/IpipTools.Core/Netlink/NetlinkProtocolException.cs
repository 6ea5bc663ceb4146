using IpipTools.Core.Errors;

namespace IpipTools.Core.Netlink;

/// <summary>
/// Bytes that do not form valid netlink (a length that runs past the buffer, a
/// reply for someone else, a truncated datagram). Every malformed input ends in
/// this exception, never in an out-of-range read.
/// </summary>
public sealed class NetlinkProtocolException : IpipToolsException
{
    public NetlinkProtocolException(string message)
        : base(message, "NetlinkProtocolError", IpipErrorCategory.ProtocolError,
            "This is a bug in IpipTools or an unexpected kernel reply; please report it with the kernel version.")
    {
    }
}
