using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Reliability.Tests.Fuzzing;

/// <summary>
/// Feeds one datagram to every parser IpipTools runs on kernel replies: the message splitter,
/// the error decoder, link/address/route messages and readers, and every link kind driver.
/// Each message goes to every parser whatever its type, because a reply's type field is
/// input too. The one rule: a parser may refuse with an <see cref="IpipToolsException"/>
/// and nothing else, so whatever else escapes (an index out of range, a null reference, an
/// argument exception from a BCL type fed unchecked bytes) is returned as a finding.
/// </summary>
internal static class ParserHarness
{
    private const int IfInfoMessageSize = 16;

    private static readonly ILinkKindDriver[] Drivers =
        LinkKindRegistry.Kinds.Select(k => LinkKindRegistry.Find(k)!).ToArray();

    private static readonly string[] ParserNames = { "split", "error", "link", "address", "route", "route message", "drivers" };
    private static readonly long[] Completed = new long[ParserNames.Length];
    private static readonly int DriversIndex = Array.IndexOf(ParserNames, "drivers");

    /// <summary>
    /// How many times each parser ran to the end without refusing, since the process
    /// started: proof that mutated input gets past the framing to the parsers behind it.
    /// </summary>
    public static IReadOnlyDictionary<string, long> CompletedRuns =>
        ParserNames.Select((name, i) => (name, Interlocked.Read(ref Completed[i]))).ToDictionary(p => p.name, p => p.Item2);

    /// <summary>The first exception that is not ours, or null. The datagram is its own exact-size array, so any read past it throws.</summary>
    public static Exception? Feed(byte[] datagram)
    {
        List<NetlinkMessage> messages = new();
        var failure = Guard(0, () =>
        {
            var enumerator = new NetlinkMessage.Enumerator(datagram);
            while (enumerator.MoveNext())
            {
                messages.Add(enumerator.Current);
            }
        });

        foreach (var message in messages)
        {
            failure ??= Guard(1, () => NetlinkError.Parse(message));
            failure ??= Guard(2, () => ReadLink(message));
            failure ??= Guard(3, () => AddressReader.Read(AddressMessage.Parse(message), i => i == 1 ? "lo" : null, "fuzz"));
            failure ??= Guard(4, () => RouteReader.Read(message, i => i == 1 ? "lo" : null, "fuzz"));
            failure ??= Guard(5, () => RoundTrip(RouteMessage.Parse(message)));
            failure ??= Guard(null, () => DriversRead(message.ReadAttributes(IfInfoMessageSize)));
        }

        return failure;
    }

    private static void ReadLink(NetlinkMessage message)
    {
        var link = LinkMessage.Parse(message);
        LinkReader.Read(link, "fuzz");
        RoundTrip(link);
        foreach (var driver in Drivers)
        {
            driver.Read(link.InfoData);
        }
    }

    /// <summary>
    /// Every driver on the message's attributes and on each nested run inside them, as if
    /// each were IFLA_INFO_DATA: drivers must cope with any attribute of any size.
    /// </summary>
    private static void DriversRead(AttributeList attributes)
    {
        foreach (var driver in Drivers)
        {
            try
            {
                driver.Read(attributes);
                Interlocked.Increment(ref Completed[DriversIndex]);
            }
            catch (IpipToolsException)
            {
                // A refusal is fine; what else escapes reaches Guard as a finding.
            }
        }

        foreach (var attribute in attributes)
        {
            AttributeList nested;
            try
            {
                nested = attribute.AsNested();
            }
            catch (IpipToolsException)
            {
                continue; // not an attribute run
            }

            DriversRead(nested);
        }
    }

    /// <summary>What was parsed must be writable again (the module emits captured messages).</summary>
    private static void RoundTrip<T>(Core.Rtnl.RtnlMessage<T> message)
        where T : unmanaged =>
        message.WriteTo(new MessageWriter());

    private static Exception? Guard(int? parser, Action parse)
    {
        try
        {
            parse();
            if (parser is int counted)
            {
                Interlocked.Increment(ref Completed[counted]);
            }

            return null;
        }
        catch (IpipToolsException)
        {
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
