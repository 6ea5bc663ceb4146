namespace IpipTools.Core.Xfrm;

/// <summary>XFRM_POLICY_ALLOW/BLOCK: what a policy does with the traffic its selector matches.</summary>
public enum XfrmPolicyAction : byte
{
    /// <summary>Let it through, under the policy's templates when it has any.</summary>
    Allow = 0,

    /// <summary>Drop it.</summary>
    Block = 1,
}
