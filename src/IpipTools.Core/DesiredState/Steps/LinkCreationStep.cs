using IpipTools.Core.DesiredState.Kinds;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Topologies;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.DesiredState.Steps;

/// <summary>
/// A step that creates a link (<see cref="CreateLink"/> as planned, <see cref="RestoreLink"/>
/// as it was read). Consecutive creations are sent as batches, one per namespace
/// (<see cref="ApplyBatch"/>), as route steps are: the links of a mesh take two sends per
/// namespace rather than several exchanges each.
/// </summary>
public abstract record LinkCreationStep : PlanStep
{
    private protected LinkCreationStep()
        : base(PlanAction.Add, PlanObjectKind.Link)
    {
    }

    /// <summary>The link to create, as planned or as it was read; for a veth, with its <see cref="VethParameters"/> naming the other end.</summary>
    public required TopologyLink Link { get; init; }

    /// <summary>
    /// Whether the link is made again exactly as it was read (its index, hardware address and
    /// state), undoing a removal; a planned link is made down, with the identity the kernel gives it.
    /// </summary>
    private protected abstract bool Restoring { get; }

    /// <summary>A veth's other end as it is to be made; null for any other link (and a restored veth whose other end was not read).</summary>
    private protected abstract TopologyLink? ReadPeerEnd { get; }

    /// <summary>The step that removes what this one made.</summary>
    private protected abstract PlanStep Inverse();

    internal sealed override void Apply(StepContext context, Action<PlanStep> undo) => ApplyBatch(context, new[] { this }, undo);

    /// <summary>
    /// Whether this step can be sent with <paramref name="run"/> (creations, all queued before
    /// any is sent): it must not need a link the run makes, since a bridge, an underlay and a
    /// peer's bridge are looked up by name when queued or just after the creations.
    /// </summary>
    internal bool BatchesWith(IReadOnlyList<PlanStep> run)
    {
        if (run.Any(s => s is not LinkCreationStep))
        {
            return false;
        }

        var made = run.Cast<LinkCreationStep>().SelectMany(s => s.Makes()).ToHashSet();
        return !Needs().Any(made.Contains);
    }

    /// <summary>
    /// Sends <paramref name="run"/> (creation steps that need nothing from one another) as one
    /// batch per namespace. Every link is queued before any is sent, so bad input sends nothing.
    /// The inverse of every link the kernel made is recorded, even when others failed; then the
    /// first failure, in the order of the steps, is thrown.
    /// </summary>
    internal static void ApplyBatch(StepContext context, IReadOnlyList<LinkCreationStep> run, Action<PlanStep> undo)
    {
        var batches = new List<(string Namespace, LinkCreationBatch Batch, List<LinkCreationStep> Steps)>();
        try
        {
            foreach (var step in run)
            {
                var (from, request, underlay) = step.Request();
                var index = batches.FindIndex(b => b.Namespace == from);
                if (index < 0)
                {
                    batches.Add((from, context.In(from).Links.CreateBatch(target => context.Clients.Get(target)), new List<LinkCreationStep>()));
                    index = batches.Count - 1;
                }

                try
                {
                    batches[index].Batch.Queue(request, underlay);
                }
                catch (Exception e) when (ErrorReport.IsReportable(e))
                {
                    throw new StepFailedException(step, e);
                }

                batches[index].Steps.Add(step);
            }

            var failures = new List<(LinkCreationStep Step, Exception Error)>();
            foreach (var (_, batch, steps) in batches)
            {
                var outcomes = batch.Send();
                for (var i = 0; i < outcomes.Count; i++)
                {
                    if (outcomes[i].Error is { } error)
                    {
                        failures.Add((steps[i], error));
                    }
                    else
                    {
                        undo(steps[i].Inverse());
                    }
                }

                if (failures.Count > 0)
                {
                    // What is not sent yet needs no undo.
                    break;
                }
            }

            if (failures.Count > 0)
            {
                var first = failures.MinBy(f => run.ToList().IndexOf(f.Step));
                throw new StepFailedException(first.Step, first.Error);
            }
        }
        finally
        {
            foreach (var (_, batch, _) in batches)
            {
                batch.Dispose();
            }
        }
    }

    /// <summary>The links this step makes: (namespace, name), a veth's other end included.</summary>
    private IEnumerable<(string Namespace, string Name)> Makes()
    {
        yield return (Namespace, Link.Name);
        if (Link.PeerNamespace is { } peerNamespace)
        {
            yield return (peerNamespace, Link.PeerName!);
        }
    }

    /// <summary>The links this step's creation looks up by name: its bridge, its underlay, its veth peer's bridge.</summary>
    private IEnumerable<(string Namespace, string Name)> Needs()
    {
        foreach (var name in new[] { Link.Master, Link.Underlay })
        {
            if (name is not null)
            {
                yield return (Namespace, name);
            }
        }

        if (Link.PeerNamespace is { } peerNamespace && (ReadPeerEnd ?? TargetState.PeerEnd(Link, Namespace)).Master is { } peerMaster)
        {
            yield return (peerNamespace, peerMaster);
        }
    }

    /// <summary>
    /// The namespace the creation is sent from, the link it sends (with a veth's peer in its
    /// parameters), and the underlay device a tunnel is bound to by name.
    /// </summary>
    private (string From, Rtnl.Links.Link Request, string? Underlay) Request()
    {
        var kind = TopologyKinds.Find(Link.Kind) ?? throw new IpipToolsException(
            $"IpipTools cannot create a link of kind '{Link.Kind ?? "(none)"}' ('{Link.Name}').", "UnsupportedLinkKind", IpipErrorCategory.NotInstalled,
            $"Topologies create links of kinds {string.Join(", ", TopologyKinds.All.Select(k => k.Kind))}.", Link.Name);
        if (kind is not IPairKind pair)
        {
            return (Namespace, Made(Link, Link.Link.KindParameters ?? kind.CreationDefaults, kind), Link.Underlay);
        }

        // Both ends are made in one request. It is sent from the side whose namespace the request
        // must name by file descriptor: from the current namespace no descriptor is needed for it,
        // so when one end lives there the pair is made from the other side's point of view.
        var peerNamespace = Link.PeerNamespace ?? throw new IpipToolsException($"The veth '{Link.Name}' has no peer to create it with.", "VethPeerUnknown",
            IpipErrorCategory.InvalidArgument, "Declare Peer (and PeerNamespace) for the veth.", Link.Name);
        var first = (Namespace, Link);
        var second = (Namespace: peerNamespace, Link: ReadPeerEnd ?? TargetState.PeerEnd(Link, Namespace));
        if (first.Namespace.Length > 0 && second.Namespace.Length == 0)
        {
            (first, second) = (second, first);
        }

        var parameters = pair.PairedWith(Made(second.Link, second.Link.Link.KindParameters, kind),
            second.Namespace == first.Namespace ? null : TopologyNamespace.Resolve(second.Namespace));
        return (first.Namespace, Made(first.Link, parameters, kind), null);
    }

    /// <summary>
    /// <paramref name="link"/> as it is sent: with its MTU, bridge and alias; a restored one with
    /// its state and, for a kind with link-layer addresses, its index and hardware address.
    /// </summary>
    private Rtnl.Links.Link Made(TopologyLink link, LinkKindParameters? parameters, ICreatableKind kind) =>
        Rtnl.Links.Link.Of(link.Name, parameters ?? kind.CreationDefaults) with
        {
            Mtu = link.Link.Mtu,
            Master = link.Master,
            Alias = link.Link.Alias,
            IsUp = Restoring && link.Up,
            Index = Restoring ? link.Link.Index : 0,
            HardwareAddress = Restoring && kind.HasHardwareAddress ? link.Link.HardwareAddress : null,
        };
}
