using System.Net;
using IpipTools.Core.Rtnl;

namespace IpipTools.Core.Xfrm;

/// <summary>
/// An IPsec policy (an xfrm policy, <c>ip xfrm policy</c>): for traffic in one direction
/// that its selector matches (source and destination prefixes, upper-layer protocol and
/// ports) and that carries its mark, what to do: allow it under the transformations of its
/// templates, allow it plain (no templates), or block it. The kernel tells policies apart by
/// direction, selector, mark and if_id, and numbers each one (<see cref="Index"/>).
/// </summary>
public sealed record XfrmPolicy(XfrmDirection Direction)
{
    /// <summary>Source prefix of the traffic; null means any of the policy's family.</summary>
    public IPNetwork? Source { get; init; }

    /// <summary>Destination prefix of the traffic; null means any of the policy's family.</summary>
    public IPNetwork? Destination { get; init; }

    /// <summary>Upper-layer protocol of the traffic (Any: every protocol).</summary>
    public XfrmUpperProtocol Protocol { get; init; }

    public ushort? SourcePort { get; init; }

    public ushort? DestinationPort { get; init; }

    public XfrmPolicyAction Action { get; init; } = XfrmPolicyAction.Allow;

    /// <summary>Lower wins when two policies match the same packet.</summary>
    public uint Priority { get; init; }

    /// <summary>The kernel's number for the policy (0 in a request: the kernel picks one).</summary>
    public uint Index { get; init; }

    /// <summary>The mark packets must carry for the policy to apply; null when it has none. A vti tunnel marks its packets with its key.</summary>
    public uint? Mark { get; init; }

    /// <summary>The mask the mark is compared under; null with no mark.</summary>
    public uint? MarkMask { get; init; }

    /// <summary>The xfrm interface id the policy belongs to; null when none.</summary>
    public uint? InterfaceId { get; init; }

    /// <summary>The transformations the traffic must have (out: is given; in and forward: must have had).</summary>
    public IReadOnlyList<XfrmTemplate> Templates { get; init; } = Array.Empty<XfrmTemplate>();

    /// <summary>The namespace the policy was read in (null: the caller's).</summary>
    public string? Namespace { get; init; }

    /// <summary>AF_INET or AF_INET6: the selector's prefixes', else the templates', else IPv4.</summary>
    internal byte Family =>
        Source is { } source ? AddressFamilies.Of(source.BaseAddress)
        : Destination is { } destination ? AddressFamilies.Of(destination.BaseAddress)
        : Templates.Count > 0 ? Templates[0].FamilyOr(AddressFamilies.Inet)
        : AddressFamilies.Inet;

    /// <summary>The selector as the kernel takes it, with "any" prefixes filled in.</summary>
    internal XfrmSelector Selector
    {
        get
        {
            var any = new IPNetwork(XfrmAddress.Any(Family), 0);
            return new XfrmSelector(Source ?? any, Destination ?? any)
            {
                Family = Family,
                Protocol = Protocol,
                SourcePort = SourcePort,
                DestinationPort = DestinationPort,
            };
        }
    }

    /// <summary>In ip xfrm's words: "out src 0.0.0.0/0 dst 0.0.0.0/0 mark 0x7/0xffffffff tmpl esp tunnel 10.0.0.1 -> 10.0.0.2".</summary>
    public override string ToString()
    {
        var text = $"{(Direction == XfrmDirection.Forward ? "fwd" : Direction.ToString().ToLowerInvariant())} {Selector}";
        if (Action == XfrmPolicyAction.Block)
        {
            text += " block";
        }

        if (Priority != 0)
        {
            text += $" priority {Priority}";
        }

        if (Mark is { } mark)
        {
            text += $" mark 0x{mark:x}/0x{MarkMask ?? uint.MaxValue:x}";
        }

        if (InterfaceId is { } id)
        {
            text += $" if_id {id}";
        }

        foreach (var template in Templates)
        {
            text += $" tmpl {template}";
        }

        return text;
    }
}
