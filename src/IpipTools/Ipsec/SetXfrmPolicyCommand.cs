using System.Management.Automation;
using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Xfrm;

namespace IpipTools.Ipsec;

/// <summary>
/// <c>ip xfrm policy update ...</c> (XFRM_MSG_UPDPOLICY): a policy's action, priority and
/// templates, changed in place (it keeps its index). What identifies it (direction, selector,
/// mark, if_id) is fixed: another of those is another policy.
/// </summary>
[Cmdlet(VerbsCommon.Set, "XfrmPolicy", DefaultParameterSetName = ByIdentitySet, SupportsShouldProcess = true)]
[OutputType(typeof(XfrmPolicy))]
public sealed class SetXfrmPolicyCommand : XfrmPolicyIdentityCmdlet, IXfrmTemplateParameters
{
    [Parameter]
    public XfrmPolicyAction? Action { get; set; }

    [Parameter]
    public uint? Priority { get; set; }

    [Parameter]
    public XfrmTemplate[]? Template { get; set; }

    [Parameter]
    [Infrastructure.IPAddressArgument]
    public IPAddress? TemplateSource { get; set; }

    [Parameter]
    [Infrastructure.IPAddressArgument]
    public IPAddress? TemplateDestination { get; set; }

    [Parameter]
    public XfrmProtocol TemplateProtocol { get; set; } = XfrmProtocol.Esp;

    [Parameter]
    public XfrmMode? TemplateMode { get; set; }

    [Parameter]
    public uint TemplateReqId { get; set; }

    [Parameter]
    public uint TemplateSpi { get; set; }

    /// <summary>Leaves the policy with no templates: traffic it matches passes plain (or is blocked, with -Action Block).</summary>
    [Parameter]
    public SwitchParameter NoTemplate { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessItem()
    {
        var templates = this.Templates(MyInvocation);
        if (NoTemplate.IsPresent && templates is not null)
        {
            throw new IpipToolsException("-NoTemplate and a template were both given; nothing was changed.", "XfrmTemplateConflict", IpipErrorCategory.InvalidArgument,
                "Give -NoTemplate to remove the templates, or the template to put in their place.");
        }

        if (Action is null && Priority is null && templates is null && !NoTemplate.IsPresent)
        {
            throw new IpipToolsException("Set-XfrmPolicy was given nothing to change; nothing was changed.", "NothingToChange", IpipErrorCategory.InvalidArgument,
                "Give -Action, -Priority, a template (-TemplateDestination ..., -Template) or -NoTemplate.");
        }

        var identity = Identity;
        var target = Target;
        var policies = Xfrm(target).Policies;
        var current = policies.Get(identity) ?? throw new IpipToolsException(
            $"There is no {Describe(identity)} {target.Describe()}; nothing was changed.", "XfrmPolicyNotFound", IpipErrorCategory.ObjectNotFound,
            "List the policies with Get-XfrmPolicy; the mark and interface id must match too.", identity);
        var changed = current with
        {
            Action = Action ?? current.Action,
            Priority = Priority ?? current.Priority,
            Templates = NoTemplate.IsPresent ? Array.Empty<XfrmTemplate>() : templates ?? current.Templates,
        };
        if (ShouldProcess($"{Describe(current)} {target.Describe()}", $"Set {Describe(current)} to {changed}"))
        {
            WritePassThru(PassThru, policies.Update(changed));
        }
    }
}
