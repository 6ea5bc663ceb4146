using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.DesiredState.Steps;

/// <summary>Replaces an own route that differs from the declared one (same key); undone by replacing it with the route it replaced.</summary>
public sealed record ReplaceRoute : RouteStep
{
    /// <summary>The route as it was.</summary>
    public required Route Previous { get; init; }

    public ReplaceRoute()
        : base(PlanAction.Change)
    {
    }

    internal override RouteStep Inverse() => this with { Route = Previous, Previous = Route };

    private protected override BatchResult Send(RouteOperations routes, IReadOnlyList<Route> specs) => routes.AddMany(specs, replace: true);
}
