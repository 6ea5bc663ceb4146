using System.Management.Automation;
using IpipTools.Core.Xfrm;

namespace IpipTools.Ipsec;

/// <summary><c>ip xfrm policy list [dir DIR]</c>: the namespace's policies, narrowed by what is given.</summary>
[Cmdlet(VerbsCommon.Get, "XfrmPolicy")]
[OutputType(typeof(XfrmPolicy))]
public sealed class GetXfrmPolicyCommand : XfrmCmdlet
{
    [Parameter(Position = 0)]
    public XfrmDirection? Direction { get; set; }

    [Parameter]
    public uint? Mark { get; set; }

    [Parameter]
    public uint? InterfaceId { get; set; }

    [Parameter]
    public uint? Index { get; set; }

    protected override void ProcessItem() =>
        WriteEach(Xfrm(Target).Policies.List().Where(p =>
            (Direction is null || p.Direction == Direction)
            && (Mark is null || p.Mark == Mark)
            && (InterfaceId is null || p.InterfaceId == InterfaceId)
            && (Index is null || p.Index == Index)).ToList());
}
