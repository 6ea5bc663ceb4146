using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.DesiredState.Steps;

/// <summary>Removes a route; undone by adding it again as it was.</summary>
public sealed record RemoveRoute : RouteStep
{
    public RemoveRoute()
        : base(PlanAction.Remove)
    {
    }

    internal override RouteStep Inverse() => new AddRoute { Namespace = Namespace, Target = Target, Reason = Reason, Route = Route };

    private protected override BatchResult Send(RouteOperations routes, IReadOnlyList<Route> specs) => routes.DeleteMany(specs);
}
