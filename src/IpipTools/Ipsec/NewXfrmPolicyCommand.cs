using System.Management.Automation;
using System.Net;
using IpipTools.Core.Xfrm;
using IpipTools.Infrastructure;

namespace IpipTools.Ipsec;

/// <summary>
/// <c>ip xfrm policy add dir DIR [src P] [dst P] [proto X [sport N] [dport N]] [action A]
/// [priority N] [mark M/MASK] [if_id I] [tmpl ...]</c>: one policy; writes it as the kernel
/// made it, with its index.
/// </summary>
[Cmdlet(VerbsCommon.New, "XfrmPolicy", SupportsShouldProcess = true)]
[OutputType(typeof(XfrmPolicy))]
public sealed class NewXfrmPolicyCommand : XfrmCmdlet, IXfrmTemplateParameters
{
    [Parameter(Mandatory = true, Position = 0)]
    public XfrmDirection Direction { get; set; }

    [Parameter]
    [StrictPrefix]
    public IPNetwork? Source { get; set; }

    [Parameter]
    [StrictPrefix]
    public IPNetwork? Destination { get; set; }

    [Parameter]
    public XfrmUpperProtocol Protocol { get; set; }

    [Parameter]
    public ushort? SourcePort { get; set; }

    [Parameter]
    public ushort? DestinationPort { get; set; }

    [Parameter]
    public XfrmPolicyAction Action { get; set; }

    [Parameter]
    public uint Priority { get; set; }

    [Parameter]
    public uint? Mark { get; set; }

    [Parameter]
    public uint? MarkMask { get; set; }

    [Parameter]
    public uint? InterfaceId { get; set; }

    [Parameter]
    public XfrmTemplate[]? Template { get; set; }

    [Parameter]
    [IPAddressArgument]
    public IPAddress? TemplateSource { get; set; }

    [Parameter]
    [IPAddressArgument]
    public IPAddress? TemplateDestination { get; set; }

    [Parameter]
    public XfrmProtocol TemplateProtocol { get; set; } = XfrmProtocol.Esp;

    [Parameter]
    public XfrmMode? TemplateMode { get; set; }

    [Parameter]
    public uint TemplateReqId { get; set; }

    [Parameter]
    public uint TemplateSpi { get; set; }

    protected override void ProcessItem()
    {
        var policy = new XfrmPolicy(Direction)
        {
            Source = Source,
            Destination = Destination,
            Protocol = Protocol,
            SourcePort = SourcePort,
            DestinationPort = DestinationPort,
            Action = Action,
            Priority = Priority,
            Mark = Mark,
            MarkMask = Mark is null ? null : MarkMask ?? uint.MaxValue,
            InterfaceId = InterfaceId,
            Templates = this.Templates(MyInvocation) ?? Array.Empty<XfrmTemplate>(),
        };
        var target = Target;
        if (ShouldProcess($"xfrm policy {Direction} {target.Describe()}", $"Create xfrm policy {policy}"))
        {
            WriteObject(Xfrm(target).Policies.Add(policy));
        }
    }
}
