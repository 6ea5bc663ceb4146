using System.Net;
using IpipTools.Core.Netlink;
using IpipTools.Core.Xfrm;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Golden;

/// <summary>
/// The policy messages written out by hand from linux/xfrm.h: struct xfrm_userpolicy_info
/// (168 bytes: xfrm_selector 56, lifetimes 64 and 32, priority, index, then dir, action,
/// flags and share, padded to 8), xfrm_user_tmpl (64 bytes: xfrm_id 24, family, 2 bytes
/// padding, saddr at 28, reqid, mode, share, optional, 1 byte padding, then the algorithm
/// masks), and struct xfrm_userpolicy_id (64 bytes: selector, index, dir, padding).
/// </summary>
public sealed class XfrmPolicyMessageGoldenTests
{
    /// <summary>The vti tests' outgoing policy: any inner addresses, mark 7, ESP tunnel from 10.10.10.2 to 10.10.20.2.</summary>
    private static readonly XfrmPolicy VtiOut = new(XfrmDirection.Out)
    {
        Mark = 7,
        MarkMask = uint.MaxValue,
        Templates = new[] { new XfrmTemplate { Source = IPAddress.Parse("10.10.10.2"), Destination = IPAddress.Parse("10.10.20.2"), Mode = XfrmMode.Tunnel, ReqId = 3 } },
    };

    /// <summary>A selector of 10.1.0.0/16 to 10.2.0.0/24, TCP to port 443.</summary>
    private static readonly byte[] TcpSelector = Concat(
        Hex.Parse("0a 02 00 00"), new byte[12],                  // daddr 10.2.0.0
        Hex.Parse("0a 01 00 00"), new byte[12],                  // saddr 10.1.0.0
        Hex.Parse("""
            01 bb  ff ff                                         # dport 443, dport_mask 0xffff (network order)
            00 00  00 00                                         # sport any, sport_mask 0
            02 00                                                # family AF_INET
            18 10                                                # prefixlen_d 24, prefixlen_s 16
            06 00 00 00                                          # proto TCP, 3 bytes padding
            00 00 00 00                                          # ifindex 0
            00 00 00 00                                          # user 0
            """));

    private static byte[] AnyIpv4Selector() => Concat(new byte[40], Hex.Parse("02 00"), new byte[14]);

    private static byte[] UserpolicyInfo(byte[] selector, uint priority, uint index, byte direction, byte action) => Concat(
        selector,
        Enumerable.Repeat((byte)0xff, 32).ToArray(),             // lft: byte and packet limits XFRM_INF
        new byte[32],                                            // lft: times 0
        new byte[32],                                            // curlft
        BitConverter.GetBytes(priority),
        BitConverter.GetBytes(index),
        new[] { direction, action, (byte)0, (byte)0 },           // dir, action, flags, share
        new byte[4]);                                            // padding to 168

    private static readonly byte[] VtiTemplate = Concat(
        Hex.Parse("0a 0a 14 02"), new byte[12],                  // id.daddr 10.10.20.2
        Hex.Parse("""
            00 00 00 00                                          # id.spi any
            32 00 00 00                                          # id.proto ESP, padding
            02 00 00 00                                          # family AF_INET, 2 bytes padding
            """),
        Hex.Parse("0a 0a 0a 02"), new byte[12],                  // saddr 10.10.10.2
        Hex.Parse("""
            03 00 00 00                                          # reqid 3
            01 00 00 00                                          # mode tunnel, share any, optional 0, padding
            ff ff ff ff  ff ff ff ff  ff ff ff ff                # aalgos, ealgos, calgos: any (as ip sends)
            """));

    [Fact]
    public void NewPolicyWithTemplateAndMark()
    {
        var expected = Concat(
            UserpolicyInfo(AnyIpv4Selector(), priority: 0, index: 0, direction: 1, action: 0),
            Hex.Parse("44 00 05 00"),                            // XFRMA_TMPL (5), nla_len 68 = 4 + one xfrm_user_tmpl
            VtiTemplate,
            Hex.Parse("0c 00 15 00  07 00 00 00  ff ff ff ff")); // XFRMA_MARK 7/0xffffffff

        var writer = new MessageWriter();
        XfrmPolicyMessages.WriteInfo(writer, VtiOut);
        Assert.Equal(168, XfrmPolicyMessages.InfoSize);
        Assert.Equal(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
    }

    [Fact]
    public void NewPolicyWithSelectorPortsPriorityAndBlock()
    {
        var policy = new XfrmPolicy(XfrmDirection.Forward)
        {
            Source = IPNetwork.Parse("10.1.0.0/16"),
            Destination = IPNetwork.Parse("10.2.0.0/24"),
            Protocol = XfrmUpperProtocol.Tcp,
            DestinationPort = 443,
            Priority = 10,
            Action = XfrmPolicyAction.Block,
            InterfaceId = 4,
        };
        var expected = Concat(
            UserpolicyInfo(TcpSelector, priority: 10, index: 0, direction: 2, action: 1),
            Hex.Parse("08 00 1f 00  04 00 00 00"));              // XFRMA_IF_ID 4

        var writer = new MessageWriter();
        XfrmPolicyMessages.WriteInfo(writer, policy);
        Assert.Equal(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
    }

    [Fact]
    public void PolicyIdByIndexLeavesTheSelectorEmpty()
    {
        var expected = Concat(
            new byte[56],                                        // sel: unused when the index is given
            Hex.Parse("""
                11 00 00 00                                      # index 17
                01 00 00 00                                      # dir out, padding
                0c 00 15 00  07 00 00 00  ff ff ff ff            # XFRMA_MARK 7/0xffffffff
                """));
        var writer = new MessageWriter();
        XfrmPolicyMessages.WriteId(writer, VtiOut with { Index = 17 });
        Assert.Equal(64, XfrmPolicyMessages.IdSize);
        Assert.Equal(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
    }

    [Fact]
    public void PolicyIdBySelector()
    {
        var policy = new XfrmPolicy(XfrmDirection.In)
        {
            Source = IPNetwork.Parse("10.1.0.0/16"),
            Destination = IPNetwork.Parse("10.2.0.0/24"),
            Protocol = XfrmUpperProtocol.Tcp,
            DestinationPort = 443,
        };
        var expected = Concat(TcpSelector, Hex.Parse("00 00 00 00  00 00 00 00"));  // index 0, dir in
        var writer = new MessageWriter();
        XfrmPolicyMessages.WriteId(writer, policy);
        Assert.Equal(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
    }

    [Fact]
    public void ReadingADumpedPolicy()
    {
        var payload = Concat(
            UserpolicyInfo(TcpSelector, priority: 10, index: 0x21, direction: 0, action: 0),
            Hex.Parse("44 00 05 00"), VtiTemplate,
            Hex.Parse("0c 00 15 00  07 00 00 00  ff ff ff ff"),
            Hex.Parse("""
                0c 00 10 00  01 00 00 00  00 00 00 00            # XFRMA_POLICY_TYPE (16): main, padding
                """));
        var header = new NetlinkMessageHeader { Length = (uint)(NetlinkMessageHeader.Size + payload.Length), Type = XfrmMessageType.NewPolicy, Flags = NetlinkFlags.Multi };
        var policy = XfrmPolicyReader.Read(new NetlinkMessage(header, payload), null)!;

        Assert.Equal(XfrmDirection.In, policy.Direction);
        Assert.Equal(IPNetwork.Parse("10.1.0.0/16"), policy.Source);
        Assert.Equal(IPNetwork.Parse("10.2.0.0/24"), policy.Destination);
        Assert.Equal(XfrmUpperProtocol.Tcp, policy.Protocol);
        Assert.Equal((ushort)443, policy.DestinationPort);
        Assert.Null(policy.SourcePort);
        Assert.Equal(10u, policy.Priority);
        Assert.Equal(0x21u, policy.Index);
        Assert.Equal(7u, policy.Mark);
        var template = Assert.Single(policy.Templates);
        Assert.Equal(VtiOut.Templates[0], template);
        Assert.Equal("in src 10.1.0.0/16 dst 10.2.0.0/24 proto tcp dport 443 priority 10 mark 0x7/0xffffffff tmpl esp tunnel 10.10.10.2 -> 10.10.20.2 reqid 3", policy.ToString());
    }

    [Fact]
    public void PerSocketPoliciesAreNotTheNamespaces()
    {
        var payload = UserpolicyInfo(AnyIpv4Selector(), 0, 0x5b, direction: 3, action: 0);
        var header = new NetlinkMessageHeader { Length = (uint)(NetlinkMessageHeader.Size + payload.Length), Type = XfrmMessageType.NewPolicy };
        Assert.Null(XfrmPolicyReader.Read(new NetlinkMessage(header, payload), null));
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
