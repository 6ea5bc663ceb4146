using System.Management.Automation;
using IpipTools.Core.Errors;
using IpipTools.Core.Xfrm;

namespace IpipTools.Ipsec;

/// <summary>
/// <c>ip xfrm state update ...</c> for what the kernel changes in place: a state's
/// lifetimes (XFRM_MSG_UPDSA). Its endpoints, SPI, algorithms and keys are fixed for its
/// life; a new key is a new state (New-XfrmState, then Remove-XfrmState of the old one).
/// </summary>
[Cmdlet(VerbsCommon.Set, "XfrmState", DefaultParameterSetName = ByIdentitySet, SupportsShouldProcess = true)]
[OutputType(typeof(XfrmState))]
public sealed class SetXfrmStateCommand : XfrmStateIdentityCmdlet, IXfrmLifetimeParameters
{
    [Parameter]
    public TimeSpan? SoftLifetime { get; set; }

    [Parameter]
    public TimeSpan? HardLifetime { get; set; }

    [Parameter]
    public ulong? SoftByteLimit { get; set; }

    [Parameter]
    public ulong? HardByteLimit { get; set; }

    [Parameter]
    public ulong? SoftPacketLimit { get; set; }

    [Parameter]
    public ulong? HardPacketLimit { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessItem()
    {
        var identity = Identity;
        var target = Target;
        if (SoftLifetime is null && HardLifetime is null && SoftByteLimit is null && HardByteLimit is null && SoftPacketLimit is null && HardPacketLimit is null)
        {
            throw new IpipToolsException(
                "Set-XfrmState was given nothing to change; nothing was changed.", "NothingToChange", IpipErrorCategory.InvalidArgument,
                "Give one of -SoftLifetime, -HardLifetime, -SoftByteLimit, -HardByteLimit, -SoftPacketLimit or -HardPacketLimit.");
        }

        var states = Xfrm(target).States;
        var current = states.Get(identity) ?? throw NotFound(identity, target);
        var lifetime = this.Apply(current.Lifetime);
        if (ShouldProcess($"xfrm state spi 0x{identity.Spi:x8} to {identity.Destination} {target.Describe()}", $"Set lifetime of xfrm state {current} to {lifetime}"))
        {
            WritePassThru(PassThru, states.SetLifetime(current, lifetime));
        }
    }

    private static IpipToolsException NotFound(XfrmState identity, Core.Namespaces.NetNamespace target) =>
        new($"There is no xfrm state {identity.Protocol.ToString().ToLowerInvariant()} spi 0x{identity.Spi:x8} to {identity.Destination} {target.Describe()}; nothing was changed.",
            "XfrmStateNotFound", IpipErrorCategory.ObjectNotFound, "List the states with Get-XfrmState; the mark must match too.", identity);
}
