using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.DesiredState;

/// <summary>The one place plan steps for links, addresses and routes are made, so every planner words and fills them alike.</summary>
internal static class PlanSteps
{
    /// <summary>A link step: <paramref name="link"/> as it should be, <paramref name="previous"/> as it was.</summary>
    public static PlanStep Link(PlanAction action, PlanObjectKind kind, string namespaceName, string target, string reason,
        LinkConfig? link, LinkConfig? previous) => new()
    {
        Action = action,
        Kind = kind,
        Namespace = namespaceName,
        Target = target,
        Reason = reason,
        Link = link,
        PreviousLink = previous,
    };

    public static PlanStep Address(PlanAction action, string namespaceName, AddressConfig address, string reason) => new()
    {
        Action = action,
        Kind = PlanObjectKind.Address,
        Namespace = namespaceName,
        Target = address.ToString(),
        Reason = reason,
        Address = address,
    };

    /// <summary>A route step; for a change, <paramref name="previous"/> is the route it replaces.</summary>
    public static PlanStep Route(PlanAction action, string namespaceName, Route route, string reason, Route? previous = null) => new()
    {
        Action = action,
        Kind = PlanObjectKind.Route,
        Namespace = namespaceName,
        Target = route.ToString(),
        Reason = reason,
        Route = route,
        PreviousRoute = previous,
    };
}
