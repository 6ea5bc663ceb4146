namespace IpipTools.Core.Rtnl.Routes;

/// <summary>
/// What became of one route of a <see cref="RouteBatch"/>: the route as the kernel made it
/// (an add or replace), or why it was refused. Exactly one of <see cref="Made"/> and
/// <see cref="Error"/> is set after an add or replace; a delete sets only <see cref="Error"/>, on failure.
/// </summary>
public sealed record RouteOutcome(Route Requested, Route? Made, Exception? Error) : IChangeOutcome
{
    object? IChangeOutcome.Made => Made;

    public bool Succeeded => Error is null;
}
