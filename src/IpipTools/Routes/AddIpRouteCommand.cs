using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Infrastructure;

namespace IpipTools.Routes;

/// <summary>
/// <c>ip route add [TYPE] DEST [via GATEWAY] [dev DEVICE] [onlink] [table T] [metric M]
/// [proto P] [scope S] [src A] [mtu N]</c>: any route, IPv4 or IPv6, via a gateway, out of a
/// device, or of a type that needs neither (blackhole, unreachable, prohibit, throw).
/// Add-OnlinkRoute is its onlink form; both are <see cref="RouteAddCmdlet"/>. A piped route
/// binds whole (its Device, OnLink, Type, Protocol, Scope and PreferredSource too), so routes
/// read in one place can be added in another.
/// </summary>
[Cmdlet(VerbsCommon.Add, "IpRoute", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true)]
[OutputType(typeof(Route))]
public sealed class AddIpRouteCommand : RouteAddCmdlet
{
    /// <summary>Left out: the kernel picks the device its gateway is reached through (or none, for a blackhole).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device", "InterfaceAlias")]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    [BlankIsUnset]
    public string? InterfaceName { get; set; }

    /// <summary>Use the gateway on the device even though no prefix there covers it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    public SwitchParameter OnLink { get; set; }

    /// <summary>Unicast unless given: Blackhole drops silently, Unreachable and Prohibit answer with ICMP errors, Throw ends the table lookup.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public RouteType? Type { get; set; }

    /// <summary>Who installed it, by name (static, boot, kernel, bird ...) or number; IpipTools' own (73) when left out.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    [RouteProtocolName]
    public RouteProtocol? Protocol { get; set; }

    /// <summary>Left out: link for a route out of a device without gateway, host for a local route, global otherwise (as ip does).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public RouteScope? Scope { get; set; }

    /// <summary>The source address for packets the host itself sends along the route (<c>src</c>).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("PreferredSource", "Src")]
    [BlankIsUnset]
    public IPAddress? Source { get; set; }

    protected override Route Requested()
    {
        if (Type == RouteType.Unspecified)
        {
            throw new IpipToolsException($"The route to {Destination} is of type Unspecified, which is no route: it matches any type only when removing.",
                "RouteTypeUnspecified", IpipErrorCategory.InvalidArgument, "Leave -Type out for a unicast route, or give Blackhole, Unreachable, Prohibit, Throw or Local.", Type);
        }

        var common = Common();
        return common with
        {
            Device = InterfaceName,
            OnLink = OnLink.IsPresent,
            Type = Type ?? RouteType.Unicast,
            Protocol = Protocol ?? common.Protocol,
            Scope = Scope,
            PreferredSource = Source,
        };
    }
}
