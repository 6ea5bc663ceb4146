using System.Management.Automation;

namespace IpipTools.Ipsec;

/// <summary><c>ip xfrm state delete dst D proto P spi SPI [mark M/MASK]</c>: one state, piped or named.</summary>
[Cmdlet(VerbsCommon.Remove, "XfrmState", DefaultParameterSetName = ByIdentitySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveXfrmStateCommand : XfrmStateIdentityCmdlet
{
    protected override void ProcessItem()
    {
        var state = Identity;
        var target = Target;
        if (ShouldProcess($"xfrm state spi 0x{state.Spi:x8} to {state.Destination} {target.Describe()}", $"Remove xfrm state {state.Protocol.ToString().ToLowerInvariant()} spi 0x{state.Spi:x8} to {state.Destination}"))
        {
            Xfrm(target).States.Remove(state);
        }
    }
}
