using IpipTools.Core.Rtnl;
using System.Net;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// Sends plan steps to the kernel through the core's operations, one step at a time, or a
/// run of route steps as one batch. Each successful step's inverse is handed to
/// <c>record</c>, so a failure at any point can be undone exactly.
/// </summary>
internal sealed class StepExecutor
{
    private readonly ClientPool _clients;
    private readonly LinkCreator _creator;

    public StepExecutor(ClientPool clients)
    {
        _clients = clients;
        _creator = new LinkCreator(clients);
    }

    /// <summary>Runs one step that is not a route; <paramref name="restoring"/> is set while undoing.</summary>
    public void Execute(PlanStep step, bool restoring, Action<PlanStep> record)
    {
        if (step.Kind == PlanObjectKind.Forwarding)
        {
            var target = NamespaceNames.Resolve(step.Namespace);
            var previous = Ipv4Forwarding.IsEnabled(target);
            Ipv4Forwarding.Set(target, step.Forwarding ?? previous);
            record(step with { Forwarding = previous });
            return;
        }

        switch (step.Kind)
        {
            case PlanObjectKind.Namespace:
                ExecuteNamespace(step);
                break;
            case PlanObjectKind.Link when step.Action == PlanAction.Recreate:
                ExecuteRecreate(step, restoring, record);
                return;
            case PlanObjectKind.Link:
                ExecuteLink(step, restoring);
                break;
            case PlanObjectKind.LinkState:
                _clients.Get(NamespaceNames.Resolve(step.Namespace)).Links.SetUp(step.Link!.Name, step.Link.Up);
                break;
            case PlanObjectKind.Address:
                ExecuteAddress(step);
                break;
            default:
                throw new InvalidOperationException($"{step.Kind} steps are sent in batches");
        }

        record(StepInverse.Of(step));
    }

    /// <summary>
    /// Sends route steps of one namespace and one action as a single batch. The inverse of
    /// every route the kernel accepted is recorded, even when others in the batch failed;
    /// then the first failure is thrown.
    /// </summary>
    public void ExecuteRoutes(IReadOnlyList<PlanStep> steps, Action<PlanStep> record)
    {
        var routes = _clients.Get(NamespaceNames.Resolve(steps[0].Namespace)).Routes;
        var specs = steps.Select(s => s.Route!).ToList();
        var result = steps[0].Action switch
        {
            PlanAction.Add => routes.AddMany(specs),
            PlanAction.Change => routes.AddMany(specs, replace: true),
            _ => routes.DeleteMany(specs),
        };
        var failed = result.Failures.Select(f => f.Index).ToHashSet();
        for (var i = 0; i < steps.Count; i++)
        {
            if (!failed.Contains(i))
            {
                record(StepInverse.Of(steps[i]));
            }
        }

        if (result.Failures.Count > 0)
        {
            throw new RouteStepException(steps[result.Failures[0].Index], result.Failures[0].Error);
        }
    }

    private void ExecuteNamespace(PlanStep step)
    {
        if (step.Action == PlanAction.Add)
        {
            NetNamespaceStore.Create(step.Namespace);
            return;
        }

        _clients.Forget(NamespaceNames.Resolve(step.Namespace));
        NetNamespaceStore.Delete(step.Namespace);
    }

    private void ExecuteLink(PlanStep step, bool restoring)
    {
        var links = _clients.Get(NamespaceNames.Resolve(step.Namespace)).Links;
        switch (step.Action)
        {
            case PlanAction.Add:
                _creator.Create(step.Namespace, step.Link!, step.PeerLink, restoring);
                break;
            case PlanAction.Remove:
                links.Delete(step.PreviousLink!.Name);
                break;
            default:
                try
                {
                    ChangeLink(step.Namespace, step.Link!, step.PreviousLink!);
                }
                catch
                {
                    // A change is several requests, and even one may half succeed (a new
                    // master is refused after the old one was left): put back the old values.
                    TryChangeLink(step.Namespace, step.PreviousLink!, step.Link!);
                    throw;
                }

                break;
        }
    }

    /// <summary>
    /// A recreation is a deletion and a creation, undone separately: if the creation fails,
    /// the undo log already says how to bring the deleted link back.
    /// </summary>
    private void ExecuteRecreate(PlanStep step, bool restoring, Action<PlanStep> record)
    {
        _clients.Get(NamespaceNames.Resolve(step.Namespace)).Links.Delete(step.PreviousLink!.Name);
        record(StepInverse.Of(step with { Action = PlanAction.Remove, Link = null }));
        _creator.Create(step.Namespace, step.Link!, restoring ? step.PeerLink : null, restoring);
        record(StepInverse.Of(step with { Action = PlanAction.Add, PreviousLink = null, PeerLink = null }));
    }

    private void TryChangeLink(string namespaceName, LinkConfig link, LinkConfig previous)
    {
        try
        {
            ChangeLink(namespaceName, link, previous, force: true);
        }
        catch (Exception)
        {
            // Best effort: the failure being reported is the original one.
        }
    }

    /// <summary>
    /// Sets what differs between the link as it was and as it should be: tunnel parameters,
    /// bridge, MTU. With <paramref name="force"/> every value is sent, whatever the
    /// previous one, since after a failure what the kernel holds is not known.
    /// </summary>
    private void ChangeLink(string namespaceName, LinkConfig link, LinkConfig previous, bool force = false)
    {
        var client = _clients.Get(NamespaceNames.Resolve(namespaceName));
        if (link.Tunnel is { } tunnel && previous.Tunnel is { } was && (force || tunnel.Differences(was).Any()))
        {
            // What a topology does not model (inner protocol, encapsulation) is kept as it is.
            var underlayIndex = LinkCreator.UnderlayIndex(client, tunnel.Underlay);
            client.Tunnels.Modify<Ipv4TunnelParameters>(link.Name, p => tunnel.ApplyTo(p, underlayIndex));
        }

        if (force || link.Master != previous.Master)
        {
            client.Links.SetMaster(link.Name, link.Master);
        }

        // After the tunnel change: the kernel derives a tunnel's MTU from its underlay when that changes.
        if (link.Mtu is int mtu && (force || mtu != previous.Mtu))
        {
            client.Links.SetMtu(link.Name, mtu);
        }
    }

    private void ExecuteAddress(PlanStep step)
    {
        var a = step.Address!;
        var spec = new AddressSpec(a.Device, IPAddress.Parse(a.Address), a.PrefixLength, a.Peer is null ? null : IPAddress.Parse(a.Peer))
        {
            Protocol = a.Protocol == 0 ? null : a.Protocol,
        };
        var addresses = _clients.Get(NamespaceNames.Resolve(step.Namespace)).Addresses;
        if (step.Action == PlanAction.Add)
        {
            addresses.Add(spec);
        }
        else
        {
            addresses.Delete(spec);
        }
    }
}

/// <summary>A route of a batch the kernel refused, with the step it belongs to.</summary>
internal sealed class RouteStepException : Exception
{
    public RouteStepException(PlanStep step, NetlinkException error)
        : base(error.Message, error)
    {
        Step = step;
    }

    public PlanStep Step { get; }
}
