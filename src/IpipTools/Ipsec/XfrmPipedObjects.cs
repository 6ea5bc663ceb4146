using System.Management.Automation;
using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Xfrm;

namespace IpipTools.Ipsec;

/// <summary>
/// The state or policy a piped object names: the object itself as Get-XfrmState and
/// Get-XfrmPolicy write it, or, from a deserialized copy (jobs, remoting, Import-Clixml) or a
/// row, the properties that identify one. Anything else is refused, naming what fits.
/// </summary>
internal static class XfrmPipedObjects
{
    public static XfrmState State(PSObject item, string cmdlet)
    {
        if (item.BaseObject is XfrmState state)
        {
            return state;
        }

        try
        {
            var destination = Required<IPAddress>(item, nameof(XfrmState.Destination));
            return new XfrmState(Optional<IPAddress>(item, nameof(XfrmState.Source)) ?? IPAddress.Any, destination, Required<uint>(item, nameof(XfrmState.Spi)))
            {
                Protocol = Optional<XfrmProtocol?>(item, nameof(XfrmState.Protocol)) ?? XfrmProtocol.Esp,
                Mark = Optional<uint?>(item, nameof(XfrmState.Mark)),
                MarkMask = Optional<uint?>(item, nameof(XfrmState.MarkMask)),
            };
        }
        catch (Exception e) when (e is PSInvalidCastException or InvalidOperationException)
        {
            throw NotOne(item, cmdlet, "xfrm state", "Get-XfrmState", "a Destination and an Spi", e);
        }
    }

    public static XfrmPolicy Policy(PSObject item, string cmdlet)
    {
        if (item.BaseObject is XfrmPolicy policy)
        {
            return policy;
        }

        try
        {
            return new XfrmPolicy(Required<XfrmDirection>(item, nameof(XfrmPolicy.Direction)))
            {
                Index = Optional<uint?>(item, nameof(XfrmPolicy.Index)) ?? 0,
                Source = Optional<IPNetwork?>(item, nameof(XfrmPolicy.Source)),
                Destination = Optional<IPNetwork?>(item, nameof(XfrmPolicy.Destination)),
                Protocol = Optional<XfrmUpperProtocol?>(item, nameof(XfrmPolicy.Protocol)) ?? XfrmUpperProtocol.Any,
                SourcePort = Optional<ushort?>(item, nameof(XfrmPolicy.SourcePort)),
                DestinationPort = Optional<ushort?>(item, nameof(XfrmPolicy.DestinationPort)),
                Mark = Optional<uint?>(item, nameof(XfrmPolicy.Mark)),
                MarkMask = Optional<uint?>(item, nameof(XfrmPolicy.MarkMask)),
                InterfaceId = Optional<uint?>(item, nameof(XfrmPolicy.InterfaceId)),
            };
        }
        catch (Exception e) when (e is PSInvalidCastException or InvalidOperationException)
        {
            throw NotOne(item, cmdlet, "xfrm policy", "Get-XfrmPolicy", "a Direction", e);
        }
    }

    private static T Required<T>(PSObject item, string name) =>
        item.Properties[name]?.Value is { } value
            ? LanguagePrimitives.ConvertTo<T>(Plain(value))
            : throw new InvalidOperationException($"it has no {name}");

    private static T? Optional<T>(PSObject item, string name) =>
        item.Properties[name]?.Value is { } value && !(value is string text && text.Length == 0) ? LanguagePrimitives.ConvertTo<T>(Plain(value)) : default;

    /// <summary>
    /// A deserialized value (an address, a prefix, an enum: property bags that PowerShell does
    /// not convert back) as its text, which converts as typed text does; anything else as it is.
    /// </summary>
    private static object Plain(object value) =>
        value is PSObject wrapped && wrapped.TypeNames.Count > 0 && wrapped.TypeNames[0].StartsWith("Deserialized.", StringComparison.Ordinal)
            ? wrapped.ToString()
            : value;

    private static IpipToolsException NotOne(PSObject item, string cmdlet, string what, string reader, string needs, Exception e) =>
        new($"{cmdlet} acts on the {what} a piped object names, and '{item}' names none: {e.Message}; nothing was changed.",
            "XfrmPipedObjectNotAccepted", IpipErrorCategory.InvalidArgument,
            $"Pipe what {reader} writes, or an object with {needs}.", item.BaseObject);
}
