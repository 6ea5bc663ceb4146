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
            echoed = Connection.ExecuteWithEcho(AddOperation(address), RtnlMessageType.NewAddress,
                NetlinkFlags.Create | NetlinkFlags.Exclusive, w => WriteBody(w, address, index));
        }
        catch (NetlinkException e) when (e.ErrorNumber == Errno.EEXIST)
        {
            throw ExplainTaken(e, address);
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
            Connection.Execute(DeleteOperation(address), RtnlMessageType.DeleteAddress,
                NetlinkFlags.None, w => WriteBody(w, address, index));
        }
        catch (NetlinkException e) when (e.ErrorNumber is Errno.EADDRNOTAVAIL or Errno.ENOENT)
        {
            throw ExplainMissing(e, address);
        }
    }

    /// <summary>
    /// Throws what <see cref="Add"/> would be refused with, as far as the device's addresses
    /// tell, without changing anything: bad input, no such device, the address already there.
    /// What -WhatIf and -Confirm check before they speak; a real add needs no such read.
    /// </summary>
    public void CheckAdd(InterfaceAddress address)
    {
        Validate(address);
        var index = _client.Links.IndexOf(address.InterfaceName);
        if (Listed(index, address).Any(listed => Collides(listed, address)))
        {
            throw ExplainTaken(NetlinkException.Foreseen(AddOperation(address), Errno.EEXIST), address);
        }
    }

    /// <summary>
    /// Throws what <see cref="Delete"/> would be refused with, as far as the device's addresses
    /// tell, without changing anything: bad input, no such device, no address the kernel would
    /// take the request for (see <see cref="IsDeletedBy"/>). What -WhatIf and -Confirm check before they speak.
    /// </summary>
    public void CheckDelete(InterfaceAddress address)
    {
        Validate(address);
        var index = _client.Links.IndexOf(address.InterfaceName);
        if (!Listed(index, address).Any(listed => IsDeletedBy(listed, address)))
        {
            throw ExplainMissing(NetlinkException.Foreseen(DeleteOperation(address), Errno.EADDRNOTAVAIL), address);
        }
    }

    private IEnumerable<InterfaceAddress> Listed(int index, InterfaceAddress address) =>
        ListOf(index, AddressFamilies.Of(address.Address), new Dictionary<int, string> { [index] = address.InterfaceName });

    /// <summary>
    /// Whether adding <paramref name="added"/> is refused as taken because of <paramref name="listed"/>:
    /// in IPv4 the same address with the same length whose peer (or itself) is on the same
    /// network (__inet_insert_ifa); in IPv6 the same address on the device, whatever its length.
    /// </summary>
    private static bool Collides(InterfaceAddress listed, InterfaceAddress added) =>
        listed.Address.Equals(added.Address)
        && (AddressFamilies.Of(added.Address) != AddressFamilies.Inet || (listed.PrefixLength == added.PrefixLength && SameNetwork(listed, added)));

    /// <summary>
    /// Whether a request to delete <paramref name="requested"/> deletes <paramref name="listed"/>:
    /// the same address and length and, in IPv4, the request's peer (or its address, when it
    /// names no peer) on the listed address's network as the kernel matches IFA_ADDRESS
    /// (inet_rtm_deladdr): a peer address is not deleted by its address alone.
    /// </summary>
    private static bool IsDeletedBy(InterfaceAddress listed, InterfaceAddress requested) =>
        listed.Address.Equals(requested.Address) && listed.PrefixLength == requested.PrefixLength
        && (AddressFamilies.Of(requested.Address) != AddressFamilies.Inet || SameNetwork(listed, requested));

    /// <summary>Whether the far ends (the peer, or the address itself) of two IPv4 addresses share the listed one's network.</summary>
    private static bool SameNetwork(InterfaceAddress listed, InterfaceAddress other) =>
        NetworkPrefix.Mask(listed.Peer ?? listed.Address, listed.PrefixLength).Equals(NetworkPrefix.Mask(other.Peer ?? other.Address, listed.PrefixLength));

    private string AddOperation(InterfaceAddress address) => $"add address {address.Describe()} {_client.Namespace.Describe()}";

    private string DeleteOperation(InterfaceAddress address) => $"delete address {address.Describe()} {_client.Namespace.Describe()}";

    private static NetlinkException ExplainTaken(NetlinkException e, InterfaceAddress address) =>
        e.ExplainWhole($"{address.Address} is already assigned to {address.InterfaceName}", "Remove it first, or leave it as it is.", "AddressExists", address);

    private static NetlinkException ExplainMissing(NetlinkException e, InterfaceAddress address) =>
        e.ExplainWhole($"{address.InterfaceName} has no address {address.Address}/{address.PrefixLength}", "List the addresses with Get-IpAddress (or 'ip addr').", "AddressNotFound", address);

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
