using IpipTools.Core.Netlink;

namespace IpipTools.Core.DesiredState.Steps;

/// <summary>A route of a batch the kernel refused, with the step it belongs to.</summary>
internal sealed class RouteStepException : Exception
{
    public RouteStepException(RouteStep step, NetlinkException error)
        : base(error.Message, error)
    {
        Step = step;
        Error = error;
    }

    public RouteStep Step { get; }

    /// <summary>What the kernel said about the route.</summary>
    public NetlinkException Error { get; }
}
