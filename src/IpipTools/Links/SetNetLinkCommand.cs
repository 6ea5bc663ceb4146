using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Infrastructure;
using NetNs = IpipTools.Core.Namespaces.NetNamespace;

namespace IpipTools.Links;

/// <summary>
/// <c>ip link set NAME [up|down] [mtu M] [name NEW] [alias A] [master BR|nomaster] [netns NS]</c>
/// on any link, in one request; -PassThru writes the link as it is afterwards. Attaching a
/// link to a bridge is -Master, detaching it -NoMaster, as ip's words are.
/// </summary>
[Cmdlet(VerbsCommon.Set, "NetLink", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true)]
[OutputType(typeof(Link))]
public sealed class SetNetLinkCommand : PipedLinkCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string Name { get; set; } = string.Empty;

    /// <summary>Bring the link up (ip link set NAME up).</summary>
    [Parameter]
    public SwitchParameter Up { get; set; }

    /// <summary>Set the link down (ip link set NAME down).</summary>
    [Parameter]
    public SwitchParameter Down { get; set; }

    [Parameter]
    public int? Mtu { get; set; }

    /// <summary>Rename the link (ip link set NAME name NEWNAME).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NewName { get; set; }

    /// <summary>The link's alias (ifalias); '' clears it.</summary>
    [Parameter]
    [AllowEmptyString]
    public string? Alias { get; set; }

    /// <summary>Attach the link to this bridge (ip link set NAME master BRIDGE).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(BridgeNameCompleter))]
    public string? Master { get; set; }

    /// <summary>Detach the link from its bridge (ip link set NAME nomaster).</summary>
    [Parameter]
    public SwitchParameter NoMaster { get; set; }

    /// <summary>Move the link to this namespace, a name or a path (ip link set NAME netns NS).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string? NewNetNamespace { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessItem()
    {
        RequireGiven(nameof(Name), "link");
        var name = LinkName(Name);
        var target = Target;
        var change = Request(name);
        // Read before -WhatIf speaks (the change needs it anyway), so that a missing link is refused as the real run refuses it.
        var links = Client(target).Links;
        var link = links.Get(name);
        if (!ShouldProcess($"link '{name}' {target.Describe()}", $"Set {change}"))
        {
            return;
        }

        var destination = change.NewNamespace is { } moveTo ? Client(moveTo.MustExist()).Links : links;
        var changed = links.Change(link, change, destination);
        WritePassThru(PassThru, destination.WithNames(new[] { changed }, Client)[0]);
    }

    /// <summary>The change the parameters ask for; refuses contradictions and an empty request before -WhatIf answers.</summary>
    private LinkChange Request(string name)
    {
        if (Up.IsPresent && Down.IsPresent)
        {
            throw new IpipToolsException("-Up and -Down were both given.", "UpAndDown", IpipErrorCategory.InvalidArgument, "Give -Up or -Down, not both.", name);
        }

        if (Mtu is int mtu)
        {
            LinkMtu.Validate(mtu, "-Mtu");
        }

        var change = new LinkChange
        {
            Up = Up.IsPresent ? true : Down.IsPresent ? false : null,
            Mtu = Mtu,
            NewName = NewName,
            Alias = Alias,
            Master = Master,
            NoMaster = NoMaster.IsPresent,
            NewNamespace = NewNetNamespace is null ? null : NetNs.Parse(NewNetNamespace),
        };
        if (change.IsEmpty)
        {
            throw new IpipToolsException($"Nothing to change on link '{name}': no setting was given.", "NothingToChange", IpipErrorCategory.InvalidArgument,
                "Give at least one of -Up, -Down, -Mtu, -NewName, -Alias, -Master, -NoMaster, -NewNetNamespace (Get-Help Set-NetLink).", name);
        }

        return change;
    }
}
