using System.Management.Automation;
using System.Net;
using IpipTools.Core.Xfrm;
using IpipTools.Infrastructure;

namespace IpipTools.Ipsec;

/// <summary>
/// <c>ip xfrm state list</c>: the namespace's security associations, narrowed by what is
/// given. The kernel dumps them with their keys; the objects written carry none.
/// </summary>
[Cmdlet(VerbsCommon.Get, "XfrmState")]
[OutputType(typeof(XfrmState))]
public sealed class GetXfrmStateCommand : XfrmCmdlet
{
    [Parameter(Position = 0)]
    [IPAddressArgument]
    public IPAddress? Destination { get; set; }

    [Parameter]
    [IPAddressArgument]
    public IPAddress? Source { get; set; }

    [Parameter]
    public uint? Spi { get; set; }

    [Parameter]
    public XfrmProtocol? Protocol { get; set; }

    [Parameter]
    public uint? Mark { get; set; }

    protected override void ProcessItem() =>
        WriteEach(Xfrm(Target).States.List().Where(s =>
            (Destination is null || s.Destination.Equals(Destination))
            && (Source is null || s.Source.Equals(Source))
            && (Spi is null || s.Spi == Spi)
            && (Protocol is null || s.Protocol == Protocol)
            && (Mark is null || s.Mark == Mark)).ToList());
}
