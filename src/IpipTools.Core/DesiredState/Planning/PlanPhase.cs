namespace IpipTools.Core.DesiredState.Planning;

/// <summary>
/// The order a plan runs in. Namespaces come first; removals come before the additions
/// they could collide with (a route before its address, an address before its link);
/// links are created down, changed, then brought up; addresses follow, and routes come
/// last, after the devices and the addresses their next hops need.
/// </summary>
internal enum PlanPhase
{
    CreateNamespaces,
    Forwarding,
    RemoveRoutes,
    RemoveAddresses,
    RemoveLinks,
    RecreateLinks,
    AddLinks,
    ChangeLinks,
    LinkState,
    AddAddresses,
    Routes,
}
