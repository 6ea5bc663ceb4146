using IpipTools.Core.DesiredState.Topologies;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;

namespace IpipTools.Addresses;

/// <summary>
/// What Add-IpAddress and Add-TunnelPeerAddress share beyond <see cref="AddressChangeCmdlet"/>:
/// IpipTools' mark (IFA_PROTO 73) and the address as the kernel echoed it, written out. A
/// derived cmdlet says only which address its parameters describe
/// (<see cref="AddressChangeCmdlet.Requested"/>). Two kernel exchanges for IPv4: the device lookup and the
/// RTM_NEWADDR, whose echo is the address written out.
/// </summary>
public abstract class AddressAddCmdlet : AddressChangeCmdlet
{
    protected sealed override string Action => "Add";

    protected sealed override void Check(RtnetlinkClient connection, InterfaceAddress address) => connection.Addresses.CheckAdd(Marked(address));

    protected sealed override void Send(RtnetlinkClient connection, InterfaceAddress address) =>
        WriteObject(connection.Addresses.Add(Marked(address)));

    private static InterfaceAddress Marked(InterfaceAddress address) => address with { Protocol = Ownership.AddressProtocol };
}
