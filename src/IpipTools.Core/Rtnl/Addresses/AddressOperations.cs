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
        return Connection.Dump($"list addresses {_client.NamespaceDescription}", RtnlMessageType.GetAddress,
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
    public InterfaceAddress Add(InterfaceAddress spec)
    {
        Validate(spec);
        var index = _client.Links.IndexOf(spec.Name);
        IReadOnlyList<NetlinkMessage> echoed;
        try
        {
            echoed = Connection.ExecuteWithEcho($"add address {spec.Describe()} {_client.NamespaceDescription}", RtnlMessageType.NewAddress,
                NetlinkFlags.Create | NetlinkFlags.Exclusive, w => WriteBody(w, spec, index));
        }
        catch (NetlinkException e) when (e.ErrorNumber == Errno.EEXIST)
        {
            throw e.Explain($"{spec.Address} is already assigned to {spec.Name}", "Remove it first, or leave it as it is.", "AddressExists", spec);
        }

        // An error must not leave the address behind: if it cannot be read back, it goes again.
        try
        {
            var names = new Dictionary<int, string> { [index] = spec.Name };
            var added = echoed.Where(m => m.Type == RtnlMessageType.NewAddress).Select(m => Read(AddressMessage.Parse(m), names))
                .FirstOrDefault(a => IsAdded(a, spec, index))
                ?? ListOf(index, AddressFamilies.Of(spec.Address), names).FirstOrDefault(a => IsAdded(a, spec, index));
            return added ?? throw new IpipToolsException($"The kernel accepted {spec.Describe()} but does not list it.", "AddressVanished",
                IpipErrorCategory.InvalidOperation, "Check whether something removed it at once.", spec.Describe());
        }
        catch
        {
            TryDelete(spec);
            throw;
        }
    }

    private static bool IsAdded(InterfaceAddress address, InterfaceAddress spec, int index) =>
        address.Index == index && address.Address.Equals(spec.Address) && address.PrefixLength == spec.PrefixLength;

    /// <summary>
    /// The addresses of one family on one device: with NETLINK_GET_STRICT_CHK the kernel
    /// dumps only those; without it the caller's filter still holds.
    /// </summary>
    private IEnumerable<InterfaceAddress> ListOf(int index, byte family, IReadOnlyDictionary<int, string> names) =>
        Connection.Dump($"list addresses of link #{index} {_client.NamespaceDescription}", RtnlMessageType.GetAddress,
                w => w.WriteStruct(new IfAddrMessage { Family = family, Index = index }),
                m => Read(AddressMessage.Parse(m), names))
            .Where(a => a.Index == index);

    /// <summary>Deletes the address if it is there; the undo of an add whose read-back failed, which must not hide that failure.</summary>
    private void TryDelete(InterfaceAddress spec) => BestEffortUndo.Run(() => Delete(spec));

    public void Delete(InterfaceAddress spec)
    {
        Validate(spec);
        var index = _client.Links.IndexOf(spec.Name);
        try
        {
            Connection.Execute($"delete address {spec.Describe()} {_client.NamespaceDescription}", RtnlMessageType.DeleteAddress,
                NetlinkFlags.None, w => WriteBody(w, spec, index));
        }
        catch (NetlinkException e) when (e.ErrorNumber is Errno.EADDRNOTAVAIL or Errno.ENOENT)
        {
            throw e.Explain($"{spec.Name} has no address {spec.Address}/{spec.PrefixLength}", "List the addresses with Get-TunnelPeerAddress (or 'ip addr').", "AddressNotFound", spec);
        }
    }

    private static void Validate(InterfaceAddress spec)
    {
        Rtnl.Links.InterfaceName.Validate(spec.Name);
        AddressFamilies.ValidatePrefixLength(spec.Address, spec.PrefixLength);
        if (spec.Peer is not null)
        {
            AddressFamilies.RequireSameFamily(spec.Address, spec.Peer, $"address {spec.Address} with peer {spec.Peer}");
        }
    }

    /// <summary>
    /// As iproute2 sends it: IFA_LOCAL is our address, IFA_ADDRESS the peer (or our
    /// address again when there is none).
    /// </summary>
    private static void WriteBody(MessageWriter w, InterfaceAddress spec, int index)
    {
        w.WriteStruct(new IfAddrMessage
        {
            Family = AddressFamilies.Of(spec.Address),
            PrefixLength = spec.PrefixLength,
            Scope = (byte)spec.Scope,
            Index = index,
        });
        w.AddAddress(AddressAttribute.Local, spec.Address);
        w.AddAddress(AddressAttribute.Address, spec.Peer ?? spec.Address);
        if (spec.Label is not null)
        {
            w.AddString(AddressAttribute.Label, spec.Label);
        }

        if (spec.Protocol != AddressProtocol.Unspecified)
        {
            w.AddByte(AddressAttribute.Protocol, (byte)spec.Protocol);
        }
    }

    private InterfaceAddress Read(AddressMessage message, IReadOnlyDictionary<int, string> names) =>
        AddressReader.Read(message, index => names.GetValueOrDefault(index), _client.NamespaceName);
}
