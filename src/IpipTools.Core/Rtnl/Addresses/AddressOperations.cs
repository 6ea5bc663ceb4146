using IpipTools.Core.Errors;
using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Addresses;

/// <summary>Interface addresses of one namespace.</summary>
public sealed class AddressOperations
{
    private readonly RtnetlinkClient _client;

    internal AddressOperations(RtnetlinkClient client)
    {
        _client = client;
    }

    private NetlinkConnection Connection => _client.Connection;

    /// <summary>Every address (of one device, when named), IPv4 and IPv6.</summary>
    public IReadOnlyList<InterfaceAddress> List(string? device = null)
    {
        var names = _client.Links.List().ToDictionary(l => l.Index, l => l.Name);
        var onlyIndex = device is null ? (int?)null : _client.Links.IndexOf(device);
        return Connection.Dump($"list addresses {_client.Namespace.Describe()}", RtnlMessageType.GetAddress,
                w => w.WriteStruct(new IfAddrMessage { Index = onlyIndex ?? 0 }),
                m => Read(AddressMessage.Parse(m), names))
            .Where(a => onlyIndex is null || a.Index == onlyIndex)
            .ToList();
    }

    /// <summary>
    /// Adds an address and returns it as the kernel now reports it: two exchanges, the
    /// device lookup and the RTM_NEWADDR, whose NLM_F_ECHO brings the new address back
    /// (IPv4 has echoed since long ago). Where the kernel echoes nothing, one read of the
    /// device's addresses of that family replaces the echo.
    /// </summary>
    public InterfaceAddress Add(InterfaceAddress address)
    {
        Validate(address);
        var index = _client.Links.IndexOf(address.InterfaceName);
        IReadOnlyList<NetlinkMessage> echoed;
        try
        {
            echoed = Connection.ExecuteWithEcho($"add address {address.Describe()} {_client.Namespace.Describe()}", RtnlMessageType.NewAddress,
                NetlinkFlags.Create | NetlinkFlags.Exclusive, w => WriteBody(w, address, index));
        }
        catch (NetlinkException e) when (e.ErrorNumber == Errno.EEXIST)
        {
            throw e.Explain($"{address.Address} is already assigned to {address.InterfaceName}", "Remove it first, or leave it as it is.", "AddressExists", address);
        }

        // An error must not leave the address behind: if it cannot be read back, it goes again.
        try
        {
            var names = new Dictionary<int, string> { [index] = address.InterfaceName };
            var added = echoed.Where(m => m.Type == RtnlMessageType.NewAddress).Select(m => Read(AddressMessage.Parse(m), names))
                .FirstOrDefault(a => IsAdded(a, address, index))
                ?? ListOf(index, AddressFamilies.Of(address.Address), names).FirstOrDefault(a => IsAdded(a, address, index));
            return added ?? throw new IpipToolsException($"The kernel accepted {address.Describe()} but does not list it.", "AddressVanished",
                IpipErrorCategory.InvalidOperation, "Check whether something removed it at once.", address.Describe());
        }
        catch
        {
            TryDelete(address);
            throw;
        }
    }

    private static bool IsAdded(InterfaceAddress listed, InterfaceAddress address, int index) =>
        listed.Index == index && listed.Address.Equals(address.Address) && listed.PrefixLength == address.PrefixLength;

    /// <summary>
    /// The addresses of one family on one device: with NETLINK_GET_STRICT_CHK the kernel
    /// dumps only those; without it the caller's filter still holds.
    /// </summary>
    private IEnumerable<InterfaceAddress> ListOf(int index, byte family, IReadOnlyDictionary<int, string> names) =>
        Connection.Dump($"list addresses of link #{index} {_client.Namespace.Describe()}", RtnlMessageType.GetAddress,
                w => w.WriteStruct(new IfAddrMessage { Family = family, Index = index }),
                m => Read(AddressMessage.Parse(m), names))
            .Where(a => a.Index == index);

    /// <summary>Deletes the address if it is there; the undo of an add whose read-back failed, which must not hide that failure.</summary>
    private void TryDelete(InterfaceAddress address) => BestEffortUndo.Run(() => Delete(address));

    public void Delete(InterfaceAddress address)
    {
        Validate(address);
        var index = _client.Links.IndexOf(address.InterfaceName);
        try
        {
            Connection.Execute($"delete address {address.Describe()} {_client.Namespace.Describe()}", RtnlMessageType.DeleteAddress,
                NetlinkFlags.None, w => WriteBody(w, address, index));
        }
        catch (NetlinkException e) when (e.ErrorNumber is Errno.EADDRNOTAVAIL or Errno.ENOENT)
        {
            throw e.Explain($"{address.InterfaceName} has no address {address.Address}/{address.PrefixLength}", "List the addresses with Get-IpAddress (or 'ip addr').", "AddressNotFound", address);
        }
    }

    private static void Validate(InterfaceAddress address)
    {
        Rtnl.Links.InterfaceName.Validate(address.InterfaceName);
        AddressFamilies.ValidatePrefixLength(address.Address, address.PrefixLength);
        if (address.Peer is not null)
        {
            AddressFamilies.RequireSameFamily(address.Address, address.Peer, address, static a => $"address {a.Address} with peer {a.Peer}");
        }
    }

    /// <summary>
    /// As iproute2 sends it: IFA_LOCAL is our address, IFA_ADDRESS the peer (or our
    /// address again when there is none).
    /// </summary>
    private static void WriteBody(MessageWriter w, InterfaceAddress address, int index)
    {
        w.WriteStruct(new IfAddrMessage
        {
            Family = AddressFamilies.Of(address.Address),
            PrefixLength = address.PrefixLength,
            Scope = (byte)address.Scope,
            Index = index,
        });
        w.AddAddress(AddressAttribute.Local, address.Address);
        w.AddAddress(AddressAttribute.Address, address.Peer ?? address.Address);
        if (address.Label is not null)
        {
            w.AddString(AddressAttribute.Label, address.Label);
        }

        if (address.Protocol != AddressProtocol.Unspecified)
        {
            w.AddByte(AddressAttribute.Protocol, (byte)address.Protocol);
        }
    }

    private InterfaceAddress Read(AddressMessage message, IReadOnlyDictionary<int, string> names) =>
        AddressReader.Read(message, index => names.GetValueOrDefault(index), _client.NamespaceName);
}
