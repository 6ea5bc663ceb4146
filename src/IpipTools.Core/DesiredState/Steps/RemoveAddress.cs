using IpipTools.Core.Rtnl.Addresses;
namespace IpipTools.Core.DesiredState.Steps;

/// <summary>Removes an address from a link; undone by adding it again, with the protocol it had.</summary>
public sealed record RemoveAddress : PlanStep
{
    public required InterfaceAddress Address { get; init; }

    public RemoveAddress()
        : base(PlanAction.Remove, PlanObjectKind.Address)
    {
    }

    internal override void Apply(StepContext context, Action<PlanStep> undo)
    {
        context.In(Namespace).Addresses.Delete(Address);
        undo(new AddAddress { Namespace = Namespace, Target = Target, Reason = Reason, Address = Address });
    }
}
