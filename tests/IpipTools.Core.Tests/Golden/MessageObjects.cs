using System.Buffers.Binary;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;

namespace IpipTools.Core.Tests.Golden;

/// <summary>
/// The round trip every golden test makes: a datagram is parsed into message
/// objects (LinkMessage, AddressMessage, RouteMessage, NetlinkError, DONE), and
/// those objects are emitted again. If parsing dropped, reordered or
/// misread anything, the emitted bytes differ from the input.
/// </summary>
internal static class MessageObjects
{
    /// <summary>Parses <paramref name="datagram"/> into objects and emits them again.</summary>
    public static byte[] ReEmit(byte[] datagram)
    {
        var writer = new MessageWriter();
        foreach (var message in NetlinkMessage.ParseAll(datagram))
        {
            var replies = new NetlinkReplyWriter(message.Header.PortId, writer);
            switch (message.Type)
            {
                case RtnlMessageType.NewLink:
                    LinkMessage.Parse(message).WriteTo(writer);
                    break;
                case RtnlMessageType.NewAddress:
                    AddressMessage.Parse(message).WriteTo(writer);
                    break;
                case RtnlMessageType.NewRoute:
                    RouteMessage.Parse(message).WriteTo(writer);
                    break;
                case NetlinkMessageType.Error:
                    replies.Error(NetlinkError.Parse(message));
                    break;
                case NetlinkMessageType.Done:
                    replies.Done(message.Sequence, BinaryPrimitives.ReadInt32LittleEndian(message.Payload.Span), message.Flags);
                    break;
                default:
                    throw new InvalidOperationException($"no message object for netlink message type {message.Type}");
            }
        }

        return writer.WrittenSpan.ToArray();
    }

    /// <summary>Asserts equal bytes, showing both as hex so the first differing field is easy to find.</summary>
    public static void AssertSameBytes(byte[] expected, byte[] actual)
    {
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            var at = expected.AsSpan().CommonPrefixLength(actual);
            Xunit.Assert.Fail(
                $"bytes differ at offset {at} (expected {expected.Length} bytes, got {actual.Length})\nexpected:\n{Hex.Format(expected)}\nactual:\n{Hex.Format(actual)}");
        }
    }
}
