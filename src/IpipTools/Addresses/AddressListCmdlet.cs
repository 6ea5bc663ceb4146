using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Infrastructure;

namespace IpipTools.Addresses;

/// <summary>
/// What Get-IpAddress and Get-TunnelPeerAddress share: <c>ip addr show [dev D]</c>, the
/// addresses of an interface (or all, or a wildcard), IPv4 and IPv6, narrowed by
/// <see cref="Keeps"/>.
/// </summary>
public abstract class AddressListCmdlet : PipedNamespaceCmdlet
{
    /// <summary>An exact name must exist (the kernel is asked for that device only); a wildcard may match nothing.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device", "TunnelName", "InterfaceAlias")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string? InterfaceName { get; set; }

    [Parameter]
    [Alias("IPAddress")]
    public IPAddress? Address { get; set; }

    /// <summary>Whether a listed address is written; by default the one given as -Address, when given.</summary>
    protected virtual bool Keeps(InterfaceAddress address) => Address is null || address.Address.Equals(Address);

    protected sealed override void ProcessItem()
    {
        var name = NameFilter.Of(InterfaceName);
        WriteEach(Client(Target).Addresses.List(name.ExactName).Where(a => name.Matches(a.InterfaceName) && Keeps(a)));
    }
}
