using System.Management.Automation;

namespace IpipTools.Ipsec;

/// <summary><c>ip xfrm policy delete dir DIR [selector | index N] [mark M/MASK] [if_id I]</c>: one policy, piped or named.</summary>
[Cmdlet(VerbsCommon.Remove, "XfrmPolicy", DefaultParameterSetName = ByIdentitySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveXfrmPolicyCommand : XfrmPolicyIdentityCmdlet
{
    protected override void ProcessItem()
    {
        var policy = Identity;
        var target = Target;
        if (ShouldProcess($"{Describe(policy)} {target.Describe()}", $"Remove {Describe(policy)}"))
        {
            Xfrm(target).Policies.Remove(policy);
        }
    }
}
