using System.Management.Automation;
using System.Net;
using IpipTools.Core.Xfrm;
using IpipTools.Infrastructure;

namespace IpipTools.Ipsec;

/// <summary>
/// What Set-XfrmPolicy and Remove-XfrmPolicy share: the policy they act on, piped (as
/// Get-XfrmPolicy writes it, a deserialized copy, or a row with a Direction) or named on the
/// command line by direction and selector, or by -Index; the mark and interface id must match
/// either way, as the kernel finds a policy by all of them.
/// </summary>
public abstract class XfrmPolicyIdentityCmdlet : XfrmCmdlet
{
    protected const string PipedSet = "Piped";
    protected const string ByIdentitySet = "ByIdentity";

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PipedSet)]
    public PSObject? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdentitySet)]
    public XfrmDirection Direction { get; set; }

    [Parameter(ParameterSetName = ByIdentitySet)]
    [StrictPrefix]
    public IPNetwork? Source { get; set; }

    [Parameter(ParameterSetName = ByIdentitySet)]
    [StrictPrefix]
    public IPNetwork? Destination { get; set; }

    [Parameter(ParameterSetName = ByIdentitySet)]
    public XfrmUpperProtocol Protocol { get; set; }

    [Parameter(ParameterSetName = ByIdentitySet)]
    public ushort? SourcePort { get; set; }

    [Parameter(ParameterSetName = ByIdentitySet)]
    public ushort? DestinationPort { get; set; }

    /// <summary>The kernel's number for the policy, which names it alone (with its mark and if_id).</summary>
    [Parameter(ParameterSetName = ByIdentitySet)]
    public uint Index { get; set; }

    [Parameter(ParameterSetName = ByIdentitySet)]
    public uint? Mark { get; set; }

    [Parameter(ParameterSetName = ByIdentitySet)]
    public uint? MarkMask { get; set; }

    [Parameter(ParameterSetName = ByIdentitySet)]
    public uint? InterfaceId { get; set; }

    protected sealed override ModuleObjects? PipedObjectsActedOn => ModuleObjects.XfrmPolicy;

    protected sealed override PSObject? PipedObject => InputObject;

    /// <summary>The policy this item names (only its identity counts).</summary>
    protected XfrmPolicy Identity => InputObject is { } piped
        ? XfrmPipedObjects.Policy(piped, MyInvocation.MyCommand.Name)
        : new XfrmPolicy(Direction)
        {
            Source = Source,
            Destination = Destination,
            Protocol = Protocol,
            SourcePort = SourcePort,
            DestinationPort = DestinationPort,
            Index = Index,
            Mark = Mark,
            MarkMask = Mark is null ? null : MarkMask ?? uint.MaxValue,
            InterfaceId = InterfaceId,
        };

    /// <summary>"out policy 7" or "out policy src ... dst ...", for -WhatIf.</summary>
    protected static string Describe(XfrmPolicy policy) => policy.Index != 0 ? $"xfrm policy {policy.Index} ({policy})" : $"xfrm policy {policy}";
}
