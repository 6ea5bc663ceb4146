using IpipTools.Core.Netlink;

namespace IpipTools.Core.DesiredState.Steps;

/// <summary>A route of a batch the kernel refused, with the step it belongs to.</summary>
internal sealed class RouteStepException : Exception
{
    public RouteStepException(RouteStep step, NetlinkException error)
        : base(error.Message, error)
    {
        Step = step;
    }

    public RouteStep Step { get; }
}
