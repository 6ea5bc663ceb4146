using IpipTools.Core.Rtnl.Addresses;
namespace IpipTools.Core.DesiredState.Steps;

/// <summary>Adds an address to a link; undone by removing it.</summary>
public sealed record AddAddress : PlanStep
{
    public required InterfaceAddress Address { get; init; }

    public AddAddress()
        : base(PlanAction.Add, PlanObjectKind.Address)
    {
    }

    internal override void Apply(StepContext context, Action<PlanStep> undo)
    {
        context.In(Namespace).Addresses.Add(Address);
        undo(new RemoveAddress { Namespace = Namespace, Target = Target, Reason = Reason, Address = Address });
    }
}
