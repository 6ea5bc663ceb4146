using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.DesiredState.Steps;

/// <summary>Adds a route (refused if one with its key exists); undone by removing it.</summary>
public sealed record AddRoute : RouteStep
{
    public AddRoute()
        : base(PlanAction.Add)
    {
    }

    internal override RouteStep Inverse() => new RemoveRoute { Namespace = Namespace, Target = Target, Reason = Reason, Route = Route };

    private protected override BatchResult Send(RouteOperations routes, IReadOnlyList<Route> specs) => routes.AddMany(specs);
}
